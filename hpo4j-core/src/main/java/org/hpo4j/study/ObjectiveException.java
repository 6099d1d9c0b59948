package org.hpo4j.study;

import org.hpo4j.HpoException;

/** Re-throws a checked exception of an objective when the study is built not to catch them. */
public class ObjectiveException extends HpoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param trialNumber the trial whose objective threw
   * @param cause what it threw
   */
  public ObjectiveException(int trialNumber, Throwable cause) {
    super("the objective of trial " + trialNumber + " threw " + cause, cause);
  }
}
