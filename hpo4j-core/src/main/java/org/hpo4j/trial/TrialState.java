package org.hpo4j.trial;

/**
 * Life cycle of a trial: WAITING (enqueued) -&gt; RUNNING -&gt; one of the three finished states.
 */
public enum TrialState {
  /** Enqueued with fixed parameters, not yet picked up by a worker. */
  WAITING,
  /** Being evaluated. */
  RUNNING,
  /** Finished with values. */
  COMPLETE,
  /** Stopped early by a pruner; keeps its last intermediate value. */
  PRUNED,
  /** The objective threw, returned NaN, or its worker died. */
  FAIL;

  /**
   * @return whether no further transition is allowed
   */
  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
