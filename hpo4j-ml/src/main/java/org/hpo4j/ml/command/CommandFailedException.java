package org.hpo4j.ml.command;

/**
 * A tuned program failed: it crashed, timed out, or printed no readable result. The study records
 * the trial as FAIL with this message and goes on.
 */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, with the tail of the program's stderr
   */
  public CommandFailedException(String message) {
    super(message);
  }
}
