package org.hpo4j.pruner;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Decides from intermediate values whether a running trial should stop early. Called from
 * {@code Trial.shouldPrune()} on the thread evaluating the trial; must be thread-safe.
 */
public interface Pruner {

  /**
   * @param study the history to compare with
   * @param trial the running trial, with its intermediate values so far
   * @return whether the trial should stop now
   */
  boolean shouldPrune(StudyView study, FrozenTrial trial);

  /** @return a pruner that never prunes */
  static Pruner none() {
    return NopPruner.INSTANCE;
  }
}
