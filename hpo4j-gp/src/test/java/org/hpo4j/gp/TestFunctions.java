package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.Objective;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;

/** Test copies of two functions of spec/benchmarks.md, and a loop that records the regret trace. */
final class TestFunctions {
  private TestFunctions() {}

  static final double BRANIN_MIN = 0.397887;
  static final double HARTMANN6_MIN = -3.32237;

  static final Objective BRANIN =
      t -> {
        double x0 = t.suggestFloat("x0", -5, 10);
        double x1 = t.suggestFloat("x1", 0, 15);
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double s = 1 - 1 / (8 * Math.PI);
        return Math.pow(x1 - b * x0 * x0 + c * x0 - 6, 2) + 10 * s * Math.cos(x0) + 10;
      };

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  static final Objective HARTMANN6 =
      t -> {
        double[] x = new double[6];
        for (int j = 0; j < 6; j++) {
          x[j] = t.suggestFloat("x" + j, 0, 1);
        }
        double f = 0;
        for (int i = 0; i < 4; i++) {
          double s = 0;
          for (int j = 0; j < 6; j++) {
            s += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
          }
          f -= ALPHA[i] * Math.exp(-s);
        }
        return f;
      };

  /**
   * @return best-so-far minus {@code optimum} after each trial
   */
  static List<Double> regretTrace(Sampler sampler, Objective f, double optimum, int trials) {
    Study study =
        Study.builder().name("t").direction(StudyDirection.MINIMIZE).sampler(sampler).build();
    List<Double> trace = new ArrayList<>();
    study.addCallback((s, t) -> trace.add(s.bestValue() - optimum));
    study.optimize(f, trials);
    return trace;
  }

  static double finalRegret(Sampler sampler, Objective f, double optimum, int trials) {
    List<Double> trace = regretTrace(sampler, f, optimum, trials);
    return trace.get(trace.size() - 1);
  }
}
