package org.hpo4j.testing;

/**
 * Squared distances in normalised coordinates, the building block of the conditional suite: each
 * parameter contributes {@code w (t(v) - t(v*))^2}, with t the position of v in its range (linear
 * or logarithmic), so every term is scale-free and the optimum of a branch is known exactly.
 */
final class Bowl {
  private Bowl() {}

  /**
   * @return w ((v - opt) / (hi - lo))^2
   */
  static double lin(double w, double v, double opt, double lo, double hi) {
    double t = (v - opt) / (hi - lo);
    return w * t * t;
  }

  /**
   * @return w ((ln v - ln opt) / (ln hi - ln lo))^2
   */
  static double log(double w, double v, double opt, double lo, double hi) {
    double t = Math.log(v / opt) / Math.log(hi / lo);
    return w * t * t;
  }
}
