package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GpRegressionTest {

  private static double bowl(double[] x) {
    return 10 * (x[0] - 0.3) * (x[0] - 0.3) + 5 * (x[1] - 0.7) * (x[1] - 0.7);
  }

  @Test
  void fit_smoothBowl_ranksHeldOutPointsLikeTheLoss() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[30][2];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i][0] = rng.nextDouble();
      x[i][1] = rng.nextDouble();
      y[i] = bowl(x[i]);
    }
    GpRegression gp = GpRegression.fit(x, y, new boolean[2], 3L).orElseThrow();
    double atMin = gp.mean(new double[] {0.3, 0.7});
    double far = gp.mean(new double[] {0.95, 0.05});
    assertTrue(atMin < far, "mean at the minimum " + atMin + " vs far away " + far);
    for (int i = 0; i < 30; i++) {
      assertEquals(gp.standardise(y[i]), gp.mean(x[i]), 0.05, "training point " + i);
    }
  }

  @Test
  void standardise_belowTheSmallestLoss_staysFiniteAndMonotone() {
    double[][] x = {{0.1}, {0.5}, {0.9}};
    GpRegression gp = GpRegression.fit(x, new double[] {1, 2, 5}, new boolean[1], 0L).orElseThrow();
    double a = gp.standardise(-100);
    double b = gp.standardise(0.5);
    double c = gp.standardise(1);
    assertTrue(Double.isFinite(a) && a < b && b < c, a + " " + b + " " + c);
  }

  @Test
  void fit_raggedRows_throwsNamingTheRow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GpRegression.fit(
                    new double[][] {{0.1, 0.2}, {0.3}}, new double[] {1, 2}, new boolean[2], 0L));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }
}
