package org.hpo4j.pruner;

/**
 * The settings the percentile-style pruners share ({@link PercentilePruner},
 * {@link ParetoPercentilePruner}): 5 startup trials, no warm-up, interval 1, at least 1 trial to
 * compare with. Values are checked when the pruner is built, each message naming the option. Not
 * thread-safe; the pruners built are immutable.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ScheduleBuilder<B extends ScheduleBuilder<B>> {
  double percentile = 50.0;
  private int startupTrials = 5;
  private int warmupSteps = 0;
  private int intervalSteps = 1;
  private int minTrials = 1;

  ScheduleBuilder() {}

  abstract B self();

  /**
   * A trial is pruned when worse than this percentile, in [0, 100], of the COMPLETE trials at the
   * same step (default 50, the median; 25 keeps the best quarter).
   */
  public B percentile(double p) {
    this.percentile = p;
    return self();
  }

  /** No pruning until this many trials are COMPLETE (default 5). */
  public B startupTrials(int n) {
    this.startupTrials = n;
    return self();
  }

  /** No pruning of a trial before it reports step {@code n} (default 0). */
  public B warmupSteps(int n) {
    this.warmupSteps = n;
    return self();
  }

  /** Check only once per window of {@code n} steps after the warm-up (default 1: every step). */
  public B intervalSteps(int n) {
    this.intervalSteps = n;
    return self();
  }

  /** No pruning at a step fewer than {@code n} COMPLETE trials reported (default 1). */
  public B minTrials(int n) {
    this.minTrials = n;
    return self();
  }

  Schedule schedule() {
    return new Schedule(startupTrials, warmupSteps, intervalSteps, minTrials);
  }
}
