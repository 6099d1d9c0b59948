package org.hpo4j.rl;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a seeded {@link SplittableRandom} (Box-Muller, one draw per call).
 * Stateless..
 */
final class Gaussian {
  private Gaussian() {}

  static double next(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
