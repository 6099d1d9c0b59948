package org.hpo4j.study;

import org.hpo4j.trial.FrozenTrial;

/**
 * Told of every trial that {@code optimize} finishes, on the thread that ran it; may call {@link
 * Study#stop()}. Must be thread-safe when the study runs several threads.
 */
@FunctionalInterface
public interface Callback {
  /**
   * @param trial the trial as stored, already finished
   */
  void onTrialFinished(Study study, FrozenTrial trial);
}
