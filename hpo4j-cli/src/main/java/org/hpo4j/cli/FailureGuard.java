package org.hpo4j.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Stops a study whose trials keep failing the same way before any succeeded in this run: a broken
 * objective (a missing file, a wrong flag) would otherwise burn the whole budget repeating one
 * error. Once a trial completes, failures are the objective's business again (some regions may
 * crash).
 *
 * <p>Thread-safe: trials finish on several threads.
 */
final class FailureGuard implements Callback {
  /** Identical failures in a row, with no COMPLETE trial yet, after which the study stops. */
  static final int LIMIT = 5;

  private final PrintWriter err;
  private int completed;
  private int sameInARow;
  private String lastReason;
  private volatile String stoppedBecause;

  FailureGuard(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void onTrialFinished(Study study, FrozenTrial trial) {
    if (trial.state() == TrialState.COMPLETE) {
      completed++;
      return;
    }
    if (trial.state() != TrialState.FAIL || completed > 0 || stoppedBecause != null) {
      return;
    }
    String reason = String.valueOf(trial.systemAttrs().get("fail_reason"));
    sameInARow = Objects.equals(reason, lastReason) ? sameInARow + 1 : 1;
    lastReason = reason;
    if (sameInARow >= LIMIT) {
      stoppedBecause = reason;
      study.stop();
      err.printf(
          "%nstopping: the first %d trials all failed the same way: %s%n", sameInARow, reason);
      err.flush();
    }
  }

  /**
   * @return the repeated failure that stopped the study, or null
   */
  String stoppedBecause() {
    return stoppedBecause;
  }
}
