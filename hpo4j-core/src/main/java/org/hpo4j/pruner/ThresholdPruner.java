package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.study.StudyView;

/**
 * Prunes a trial whose latest intermediate value leaves [lower, upper]: a diverged loss, an accuracy
 * stuck at chance. Needs no other trial, so it works from the first trial on. Obeys the warm-up and
 * interval of {@link Schedule}. In a multi-objective study it reads the scalar intermediate values,
 * that is the first objective of vector reports. Immutable and thread-safe.
 */
final class ThresholdPruner implements Pruner {
  private final double lower;
  private final double upper;
  private final Schedule schedule;

  ThresholdPruner(double lower, double upper, int warmupSteps, int intervalSteps) {
    requireArgument(!Double.isNaN(lower) && !Double.isNaN(upper), "lower and upper must not be NaN, but got lower=%s, upper=%s", lower, upper);
    requireArgument(lower <= upper, "lower <= upper must hold, but got lower=%s, upper=%s", lower, upper);
    requireArgument(Double.isFinite(lower) || Double.isFinite(upper),
        "at least one of lower and upper must be finite, but got lower=%s, upper=%s", lower, upper);
    this.lower = lower;
    this.upper = upper;
    this.schedule = new Schedule(0, warmupSteps, intervalSteps, 1);
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    if (!schedule.stepAllows(trial)) {
      return false;
    }
    double v = trial.intermediateValues().get(trial.lastStep());
    return v < lower || v > upper;
  }

  @Override
  public String toString() {
    return "ThresholdPruner(lower=" + lower + ", upper=" + upper + ", " + schedule + ")";
  }
}
