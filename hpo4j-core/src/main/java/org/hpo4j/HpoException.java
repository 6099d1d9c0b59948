package org.hpo4j;

/**
 * Root of the domain failures hpo4j reports: a missing study, a storage that cannot be reached, a
 * trial the objective chose to prune. Bad arguments are {@link IllegalArgumentException}s and calls
 * at the wrong time are {@link IllegalStateException}s; this family is for everything else.
 */
public class HpoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, naming the thing it concerns
   */
  public HpoException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, naming the thing it concerns
   * @param cause the underlying failure
   */
  public HpoException(String message, Throwable cause) {
    super(message, cause);
  }
}
