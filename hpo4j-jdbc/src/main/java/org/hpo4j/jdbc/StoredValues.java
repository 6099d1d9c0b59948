package org.hpo4j.jdbc;

/**
 * How Optuna's schema keeps a double that SQL cannot: a nullable number plus a type name, {@code
 * FINITE}, {@code INF_POS}, {@code INF_NEG}, and for intermediate values also {@code NAN}.
 * Objective values have no NaN type (Optuna fails such trials), so a NaN objective value is not
 * stored.
 *
 * <p>Stateless and thread-safe.
 */
final class StoredValues {
  private StoredValues() {}

  /**
   * @return the type name of a value ({@code NAN} for NaN)
   */
  static String type(double v) {
    if (Double.isNaN(v)) {
      return "NAN";
    }
    if (v == Double.POSITIVE_INFINITY) {
      return "INF_POS";
    }
    return v == Double.NEGATIVE_INFINITY ? "INF_NEG" : "FINITE";
  }

  /**
   * @return the number column of a value: null unless it is finite
   */
  static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * @return the value a stored pair means ({@code number} null unless FINITE)
   */
  static double value(Double number, String type) {
    return switch (type) {
      case "INF_POS" -> Double.POSITIVE_INFINITY;
      case "INF_NEG" -> Double.NEGATIVE_INFINITY;
      case "NAN" -> Double.NaN;
      default -> number == null ? Double.NaN : number;
    };
  }
}
