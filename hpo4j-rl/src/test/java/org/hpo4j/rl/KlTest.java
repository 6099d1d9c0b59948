package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KlTest {

  @Test
  void gaussian_againstMonteCarlo_agrees() {
    double[][] cases = {{0.1, 0.5, -0.3, 0.4}, {0.0, 0.2, 0.0, 0.6}, {-0.7, 0.3, 0.2, 0.25}};
    SplittableRandom rng = new SplittableRandom(1);
    for (double[] c : cases) {
      int n = 400_000;
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        double x = c[0] + c[1] * Gaussian.next(rng);
        sum += Policy.logDensity(x, c[0], c[1]) - Policy.logDensity(x, c[2], c[3]);
      }
      double mc = sum / n;
      assertEquals(
          mc, Kl.gaussian(c[0], c[1], c[2], c[3]), 0.01, "case " + java.util.Arrays.toString(c));
    }
  }

  @Test
  void gaussian_samePolicy_isZero() {
    assertEquals(0.0, Kl.gaussian(0.3, 0.4, 0.3, 0.4), 1e-15);
  }
}
