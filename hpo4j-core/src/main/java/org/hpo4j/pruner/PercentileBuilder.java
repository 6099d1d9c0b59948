package org.hpo4j.pruner;

/**
 * Options of the percentile-style pruners ({@link Pruner#percentile}, {@link Pruner#median},
 * {@link Pruner#paretoPercentile}). Defaults: 5 startup trials, no warm-up, interval 1, at least 1
 * trial to compare with. Values are checked by {@link #build()} and {@link #buildMultiObjective()},
 * each message naming the option. Not thread-safe; the pruners built are immutable.
 */
public final class PercentileBuilder {
  private final double percentile;
  private int startupTrials = 5;
  private int warmupSteps = 0;
  private int intervalSteps = 1;
  private int minTrials = 1;

  PercentileBuilder(double percentile) {
    this.percentile = percentile;
  }

  /** No pruning until this many trials are COMPLETE (default 5). */
  public PercentileBuilder startupTrials(int n) {
    this.startupTrials = n;
    return this;
  }

  /** No pruning of a trial before it reports step {@code n} (default 0). */
  public PercentileBuilder warmupSteps(int n) {
    this.warmupSteps = n;
    return this;
  }

  /** Check only once per window of {@code n} steps after the warm-up (default 1: every step). */
  public PercentileBuilder intervalSteps(int n) {
    this.intervalSteps = n;
    return this;
  }

  /** No pruning at a step fewer than {@code n} COMPLETE trials reported (default 1). */
  public PercentileBuilder minTrials(int n) {
    this.minTrials = n;
    return this;
  }

  /**
   * @return a single-objective percentile pruner
   * @throws IllegalArgumentException naming the first option out of range
   */
  public Pruner build() {
    return new PercentilePruner(percentile, schedule());
  }

  /**
   * @return the multi-objective pruner of {@link Pruner#paretoPercentile}
   * @throws IllegalArgumentException naming the first option out of range
   */
  public Pruner buildMultiObjective() {
    return new ParetoPercentilePruner(percentile, schedule());
  }

  private Schedule schedule() {
    return new Schedule(startupTrials, warmupSteps, intervalSteps, minTrials);
  }
}
