package org.hpo4j.pruner;

/**
 * Upper tail of the standard normal, Q(z) = P(Z &gt; z) = erfc(z / sqrt 2) / 2, via the Chebyshev
 * fit of erfc of Numerical Recipes in C (2nd ed., section 6.2, "erfcc"; relative error below 1.2e-7), which is
 * plenty for comparing a p-value with a threshold. Kept here until hpo4j-math's special functions
 * land; then this should delegate to them. Stateless.
 */
final class NormalTail {
  private NormalTail() {}

  /** @return P(Z &gt; z) for a standard normal Z; 0 or 1 in the far tails, never NaN for finite z */
  static double upper(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double r = t * Math.exp(poly);
    return x >= 0 ? r : 2.0 - r;
  }
}
