package org.hpo4j.pruner;

import java.util.List;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;

/**
 * Drives a real {@link Study} over an in-memory storage with synthetic learning curves: trial i
 * reports curves[i][t] at step t, asks {@code shouldPrune()} after every report and throws {@link
 * TrialPrunedException} when told to; a finished curve returns its last value.
 */
final class CurveRunner {
  private CurveRunner() {}

  static Study run(Pruner pruner, StudyDirection direction, double[][] curves) {
    Study study =
        Study.builder()
            .direction(direction)
            .pruner(pruner)
            .sampler(RandomSampler.builder().seed(0).build())
            .storage(Storages.inMemory())
            .catchExceptions(false)
            .build();
    study.optimize(
        trial -> {
          double[] c = curves[trial.number()];
          for (int t = 0; t < c.length; t++) {
            trial.report(t, c[t]);
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return c[c.length - 1];
        },
        curves.length);
    return study;
  }

  /** Multi-objective: curves[i][t] is the vector of trial i at step t. */
  static Study runMulti(Pruner pruner, List<StudyDirection> directions, double[][][] curves) {
    Study study =
        Study.builder()
            .directions(directions.toArray(StudyDirection[]::new))
            .pruner(pruner)
            .sampler(RandomSampler.builder().seed(0).build())
            .storage(Storages.inMemory())
            .catchExceptions(false)
            .build();
    study.optimizeMulti(
        trial -> {
          double[][] c = curves[trial.number()];
          for (int t = 0; t < c.length; t++) {
            trial.report(t, c[t]);
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return c[c.length - 1];
        },
        curves.length);
    return study;
  }

  /**
   * @return the states of the trials, by number
   */
  static List<TrialState> states(Study study) {
    return study.trials().stream().map(FrozenTrial::state).toList();
  }

  /**
   * @return the number of steps each trial ran
   */
  static int[] stepsRun(Study study) {
    return study.trials().stream().mapToInt(t -> t.lastStep() + 1).toArray();
  }

  /**
   * @return a curve a + b / (t + 1) over {@code steps} steps: falls fast, then flattens at a
   */
  static double[] hyperbolic(double a, double b, int steps) {
    double[] c = new double[steps];
    for (int t = 0; t < steps; t++) {
      c[t] = a + b / (t + 1);
    }
    return c;
  }

  /**
   * @return a constant curve
   */
  static double[] flat(double a, int steps) {
    double[] c = new double[steps];
    java.util.Arrays.fill(c, a);
    return c;
  }
}
