package org.hpo4j.cli;

/** A study ended with no COMPLETE trial: the command reports it and exits with code 1. */
final class NoCompleteTrialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NoCompleteTrialException(String message) {
    super(message);
  }
}
