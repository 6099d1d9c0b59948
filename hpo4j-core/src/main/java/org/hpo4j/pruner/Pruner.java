package org.hpo4j.pruner;

import org.hpo4j.Experimental;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Decides from intermediate values whether a running trial should stop early, so that the budget
 * goes to the configurations that look good. Called from {@code Trial.shouldPrune()} on the thread
 * evaluating the trial; implementations must be thread-safe. The built-in pruners are immutable and
 * keep their state (ASHA rungs, Hyperband brackets) in the trials' system attributes, so several
 * workers sharing a storage share one pruner. Directions come from {@link StudyView#directions()}.
 *
 * <p>Every factory checks its arguments eagerly and throws {@link IllegalArgumentException} naming
 * the option and its allowed range. For study files, see {@link Pruners#create}.
 */
public interface Pruner {

  /**
   * @param study the history to compare with
   * @param trial the running trial, with its intermediate values so far
   * @return whether the trial should stop now
   * @throws IllegalStateException when the pruner does not fit the study (a single-objective pruner
   *     in a multi-objective study)
   */
  boolean shouldPrune(StudyView study, FrozenTrial trial);

  /** @return a pruner that never prunes */
  static Pruner none() {
    return NopPruner.INSTANCE;
  }

  /** @return the median pruner: 5 startup trials, no warm-up, interval 1 */
  static Pruner median() {
    return percentile(50.0);
  }

  /**
   * @param percentile in [0, 100]; a trial is pruned when its best value so far is worse than this
   *     percentile of the COMPLETE trials at the same step (25 keeps the best quarter)
   * @return a percentile pruner with the defaults of {@link PercentileBuilder}
   */
  static Pruner percentile(double percentile) {
    return percentileBuilder(percentile).build();
  }

  /** @return a builder for a percentile pruner with startup trials, warm-up, interval and min trials */
  static PercentileBuilder percentileBuilder(double percentile) {
    return new PercentileBuilder(percentile);
  }

  /**
   * Multi-objective pruning (also usable with one objective): prune a trial whose intermediate
   * vector is dominated by the per-objective {@code percentile} of the COMPLETE trials at the same
   * step, unless it is on the Pareto front of that step. The objective reports vectors with
   * {@code Trial.report(step, double[])}. Use {@link #percentileBuilder}{@code .buildMultiObjective()}
   * for startup trials, warm-up, interval and min trials.
   */
  @Experimental
  static Pruner paretoPercentile(double percentile) {
    return percentileBuilder(percentile).buildMultiObjective();
  }

  /** @return ASHA with min resource 1, reduction factor 3, min early-stopping rate 0 */
  static Pruner successiveHalving() {
    return successiveHalving(1, 3, 0);
  }

  /**
   * Asynchronous successive halving: rung k at step minResource * reductionFactor^(minEarlyStoppingRate
   * + k); a trial reaching a rung continues only when in the best 1/reductionFactor of the trials
   * that reached it.
   *
   * @throws IllegalArgumentException when minResource &lt; 1, reductionFactor &lt; 2 or
   *     minEarlyStoppingRate &lt; 0
   */
  static Pruner successiveHalving(long minResource, int reductionFactor, int minEarlyStoppingRate) {
    return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate);
  }

  /** @return Hyperband with reduction factor 3 and seed 0 */
  static BracketedPruner hyperband(long minResource, long maxResource) {
    return hyperband(minResource, maxResource, 3, 0L);
  }

  /**
   * Hyperband over ASHA brackets, trials assigned to brackets deterministically from the seed and
   * the trial number. Pass the sampler through {@link BracketedPruner#restrict} so that it learns
   * from same-bracket trials only.
   *
   * @throws IllegalArgumentException when minResource &lt; 1, maxResource &lt; minResource or
   *     reductionFactor &lt; 2
   */
  static BracketedPruner hyperband(long minResource, long maxResource, int reductionFactor, long seed) {
    return new HyperbandPruner(minResource, maxResource, reductionFactor, seed);
  }

  /**
   * For objectives averaged over instances or folds, each reported as its own step: prune when a
   * one-sided Wilcoxon signed-rank test against the best trial gives p &lt; pThreshold (and the
   * trial's mean over the shared steps is worse).
   *
   * @throws IllegalArgumentException when pThreshold is outside (0, 1) or startupSteps &lt; 0
   */
  static Pruner wilcoxon(double pThreshold, int startupSteps) {
    return new WilcoxonPruner(pThreshold, startupSteps);
  }

  /**
   * Prunes only trials that stagnated (no improvement above minDelta in the last patience + 1
   * reports) and that {@code wrapped} would prune.
   *
   * @throws IllegalArgumentException when wrapped is null, patience &lt; 0 or minDelta &lt; 0
   */
  static Pruner patient(Pruner wrapped, int patience, double minDelta) {
    return new PatientPruner(org.hpo4j.Checks.requireNonNull(wrapped, "wrapped"), patience, minDelta);
  }

  /** Prunes trials that stagnated for patience + 1 reports, with no other condition. */
  static Pruner patient(int patience, double minDelta) {
    return new PatientPruner(null, patience, minDelta);
  }

  /**
   * Prunes a trial whose latest value leaves [lower, upper]; pass an infinity for a one-sided bound.
   *
   * @throws IllegalArgumentException when lower &gt; upper, both are infinite, or either is NaN
   */
  static Pruner threshold(double lower, double upper) {
    return threshold(lower, upper, 0, 1);
  }

  /** As {@link #threshold(double, double)}, not before {@code warmupSteps}, once per interval. */
  static Pruner threshold(double lower, double upper, int warmupSteps, int intervalSteps) {
    return new ThresholdPruner(lower, upper, warmupSteps, intervalSteps);
  }
}
