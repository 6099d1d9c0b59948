package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Prunes a trial whose latest intermediate value leaves [lower, upper]: a diverged loss, an
 * accuracy stuck at chance. Needs no other trial, so it works from the first trial on. Obeys the
 * warm-up and interval of {@link Schedule}. In a multi-objective study it reads the scalar
 * intermediate values, that is the first objective of vector reports. Immutable and thread-safe.
 */
public final class ThresholdPruner implements Pruner {
  private final double lower;
  private final double upper;
  private final Schedule schedule;

  ThresholdPruner(double lower, double upper, int warmupSteps, int intervalSteps) {
    requireArgument(
        !Double.isNaN(lower) && !Double.isNaN(upper),
        "lower and upper must not be NaN, but got lower=%s, upper=%s",
        lower,
        upper);
    requireArgument(
        lower <= upper, "lower <= upper must hold, but got lower=%s, upper=%s", lower, upper);
    requireArgument(
        Double.isFinite(lower) || Double.isFinite(upper),
        "at least one of lower and upper must be finite, but got lower=%s, upper=%s",
        lower,
        upper);
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

  /**
   * @return a builder: no bound set, no warm-up, interval 1; set at least one bound
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the threshold pruner; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private double lower = Double.NEGATIVE_INFINITY;
    private double upper = Double.POSITIVE_INFINITY;
    private int warmupSteps = 0;
    private int intervalSteps = 1;

    private Builder() {}

    /** Prune below this value (default -infinity: no lower bound). */
    public Builder lower(double value) {
      this.lower = value;
      return this;
    }

    /** Prune above this value (default +infinity: no upper bound). */
    public Builder upper(double value) {
      this.upper = value;
      return this;
    }

    /** No pruning before this step (default 0). */
    public Builder warmupSteps(int n) {
      this.warmupSteps = n;
      return this;
    }

    /** Check once per window of this many steps (default 1). */
    public Builder intervalSteps(int n) {
      this.intervalSteps = n;
      return this;
    }

    /**
     * @throws IllegalArgumentException when lower &gt; upper, both are infinite, or either is NaN
     */
    public Pruner build() {
      return new ThresholdPruner(lower, upper, warmupSteps, intervalSteps);
    }
  }
}
