package org.hpo4j.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * Stand-in for hpo4j-math's {@code TruncatedNormal} until that module lands on main: the log
 * normaliser {@code log(sigma * (Phi(beta) - Phi(alpha)))} of a normal truncated to [low, high] and
 * one draw from it. Same signatures, so the swap is a one-line change per call site.
 */
final class Gauss {
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private Gauss() {}

  static double logNormalizer(double mu, double sigma, double low, double high) {
    double a = (low - mu) / sigma;
    double b = (high - mu) / sigma;
    double mass;
    if (a >= 0) {
      mass = upper(a) - upper(b);
    } else if (b <= 0) {
      mass = upper(-b) - upper(-a);
    } else {
      mass = 1 - upper(-a) - upper(b);
    }
    return Math.log(sigma) + Math.log(Math.max(mass, 1e-300));
  }

  /** P(Z &gt; x) for x &gt;= 0 (Abramowitz and Stegun 26.2.17; absolute error below 7.5e-8). */
  private static double upper(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double t = 1 / (1 + 0.2316419 * x);
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    return Math.exp(-0.5 * x * x - LOG_SQRT_2PI) * poly;
  }

  static double sample(RandomGenerator rng, double mu, double sigma, double low, double high) {
    for (int i = 0; i < 64; i++) {
      double x = mu + sigma * rng.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
    return low + rng.nextDouble() * (high - low);
  }
}
