package org.hpo4j.study;

/** Whether an objective is to be made small or large. */
public enum StudyDirection {
  /** Smaller is better (losses, errors, regret). */
  MINIMIZE,
  /** Larger is better (accuracy, AUC). */
  MAXIMIZE;

  /**
   * @return whether {@code a} is strictly better than {@code b} in this direction
   */
  public boolean better(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }

  /**
   * @return the value as a loss: itself when minimising, its negation when maximising
   */
  public double asLoss(double value) {
    return this == MINIMIZE ? value : -value;
  }

  /**
   * Parses "minimize"/"maximize" (any case, also "min"/"max").
   *
   * @throws IllegalArgumentException naming the allowed words
   */
  public static StudyDirection parse(String s) {
    String t = s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "minimize", "min" -> MINIMIZE;
      case "maximize", "max" -> MAXIMIZE;
      default ->
          throw new IllegalArgumentException(
              "direction must be one of minimize, maximize, but got '" + s + "'");
    };
  }
}
