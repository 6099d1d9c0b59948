package org.hpo4j.sampler.moo;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.math.pareto.Hypervolume;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;

/** Test helpers: the ZDT and DTLZ2 problems of spec/benchmarks.md and a hypervolume run. */
final class Zdt {
  private Zdt() {}

  static double[] evaluate(String fn, Trial t) {
    int n = fn.equals("dtlz2") ? 12 : 30;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = t.suggestFloat("x" + i, 0, 1);
    }
    if (fn.equals("dtlz2")) {
      double g = 0;
      for (int i = 2; i < n; i++) {
        g += (x[i] - 0.5) * (x[i] - 0.5);
      }
      double a = x[0] * Math.PI / 2;
      double b = x[1] * Math.PI / 2;
      return new double[] {
        (1 + g) * Math.cos(a) * Math.cos(b),
        (1 + g) * Math.cos(a) * Math.sin(b),
        (1 + g) * Math.sin(a)
      };
    }
    double s = 0;
    for (int i = 1; i < n; i++) {
      s += x[i];
    }
    double g = 1 + 9 * s / (n - 1);
    double r = x[0] / g;
    double f2 =
        switch (fn) {
          case "zdt1" -> g * (1 - Math.sqrt(r));
          case "zdt2" -> g * (1 - r * r);
          case "zdt3" -> g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * x[0]));
          default -> throw new IllegalArgumentException(fn);
        };
    return new double[] {x[0], f2};
  }

  static double[] ref(String fn) {
    return fn.equals("dtlz2") ? new double[] {2.5, 2.5, 2.5} : new double[] {11, 11};
  }

  /**
   * @return the final hypervolume of {@code trials} trials of {@code fn} under {@code sampler}
   */
  static double run(String fn, Sampler sampler, int trials) {
    int m = fn.equals("dtlz2") ? 3 : 2;
    StudyDirection[] dirs = new StudyDirection[m];
    java.util.Arrays.fill(dirs, StudyDirection.MINIMIZE);
    Study study = Study.builder().directions(dirs).sampler(sampler).build();
    study.optimizeMulti(t -> evaluate(fn, t), trials);
    List<double[]> pts = new ArrayList<>();
    for (FrozenTrial t : study.completeTrials()) {
      pts.add(t.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
    return Hypervolume.of(pts, ref(fn));
  }
}
