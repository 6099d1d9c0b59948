package org.hpo4j.space;

/**
 * Shared arithmetic of the numeric distributions: a range [low, high], optionally in log space,
 * optionally on a grid {@code low + k * step}. Package-private: users see only the records.
 */
final class Domain {
  private Domain() {}

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /**
   * Unit position of x on [lo, hi], linear or log. Integers and steps are widened by half a step.
   */
  static double toUnit(double x, double lo, double hi, boolean log) {
    if (hi == lo) {
      return 0.5;
    }
    double u =
        log ? (Math.log(x) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (x - lo) / (hi - lo);
    return clamp(u, 0.0, 1.0);
  }

  static double fromUnit(double u, double lo, double hi, boolean log) {
    u = clamp(u, 0.0, 1.0);
    if (log) {
      return clamp(Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))), lo, hi);
    }
    return clamp(lo + u * (hi - lo), lo, hi);
  }

  static boolean isInteger(double x) {
    return Math.abs(x - Math.rint(x)) <= 1e-8 * Math.max(1.0, Math.abs(x));
  }
}
