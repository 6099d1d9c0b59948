package org.hpo4j.pruner;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Decides from intermediate values whether a running trial should stop early, so that the budget
 * goes to the configurations that look good. Called from {@code Trial.shouldPrune()} on the thread
 * evaluating the trial; implementations must be thread-safe. The built-in pruners are immutable and
 * keep their state (ASHA rungs, Hyperband brackets) in the trials' system attributes, so several
 * workers sharing a storage share one pruner. Directions come from {@link StudyView#directions()}.
 *
 * <p>Every pruner is made the same way, {@code XPruner.builder().option(..).build()}: {@link
 * PercentilePruner}, {@link ParetoPercentilePruner}, {@link SuccessiveHalvingPruner}, {@link
 * HyperbandPruner}, {@link WilcoxonPruner}, {@link ThresholdPruner}, {@link PatientPruner}; {@link
 * #none()} and {@link #median()} are the two shortcuts. {@code build()} checks the settings and
 * throws {@link IllegalArgumentException} naming the option and its allowed range. For study files,
 * {@link Pruners#create} reads the same options in snake_case.
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

  /**
   * @return a pruner that never prunes
   */
  static Pruner none() {
    return NopPruner.INSTANCE;
  }

  /**
   * @return the median pruner: {@code PercentilePruner.builder().build()}
   */
  static Pruner median() {
    return PercentilePruner.builder().build();
  }
}
