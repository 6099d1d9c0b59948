package org.hpo4j.pruner;

/**
 * The builder of the percentile-style pruners, {@link PercentilePruner} and {@link
 * ParetoPercentilePruner}, which share their settings: percentile 50, 5 startup trials, no warm-up,
 * interval 1, at least 1 trial to compare with. Values are checked by {@link #build()}, each
 * message naming the option. Not thread-safe; the pruners built are immutable.
 */
public final class PercentileBuilder {
  /** Makes the pruner from the percentile and the schedule. */
  interface Factory {
    Pruner create(double percentile, Schedule schedule);
  }

  private final Factory factory;
  private double percentile = 50.0;
  private int startupTrials = 5;
  private int warmupSteps = 0;
  private int intervalSteps = 1;
  private int minTrials = 1;

  PercentileBuilder(Factory factory) {
    this.factory = factory;
  }

  /**
   * A trial is pruned when worse than this percentile, in [0, 100], of the COMPLETE trials at the
   * same step (default 50, the median; 25 keeps the best quarter).
   */
  public PercentileBuilder percentile(double p) {
    this.percentile = p;
    return this;
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
   * @throws IllegalArgumentException naming the first option out of range
   */
  public Pruner build() {
    return factory.create(
        percentile, new Schedule(startupTrials, warmupSteps, intervalSteps, minTrials));
  }
}
