package org.hpo4j.trial;

import org.hpo4j.HpoException;

/**
 * Thrown by an objective to end its trial as PRUNED; the study records the last reported value and
 * goes on. Carries no stack trace: it is control flow, thrown once per pruned trial.
 */
public class TrialPrunedException extends HpoException {
  private static final long serialVersionUID = 1L;

  /** A pruned trial with the default message. */
  public TrialPrunedException() {
    this("trial pruned");
  }

  /**
   * @param message why the trial was pruned
   */
  public TrialPrunedException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
