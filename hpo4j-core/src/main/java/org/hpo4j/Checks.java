package org.hpo4j;

/**
 * One-line argument checks whose messages state the rule and show the values, so a user sees what
 * to change without reading a stack trace.
 */
public final class Checks {
  private Checks() {}

  /**
   * @throws IllegalArgumentException with the formatted message when {@code condition} is false
   */
  public static void requireArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /**
   * @throws IllegalStateException with the formatted message when {@code condition} is false
   */
  public static void requireState(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  /**
   * @throws IllegalArgumentException when {@code value} is null, naming the field
   */
  public static <T> T requireNonNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("'" + field + "' must not be null");
    }
    return value;
  }
}
