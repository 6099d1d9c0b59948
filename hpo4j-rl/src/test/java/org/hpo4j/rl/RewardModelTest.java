package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RewardModelTest {

  private static double target(double[] x) {
    return 0.5 + 0.4 * Math.sin(1.5 * x[0]) * Math.cos(x[1]) - 0.1 * x[2] * x[2];
  }

  @Test
  void fit_smoothFunction_predictsHeldOutPoints() {
    SplittableRandom rng = new SplittableRandom(4);
    double[][] x = new double[80][3];
    double[] y = new double[80];
    for (int i = 0; i < 80; i++) {
      for (int k = 0; k < 3; k++) {
        x[i][k] = 2 * rng.nextDouble() - 1;
      }
      y[i] = target(x[i]);
    }
    double[][] xt = java.util.Arrays.copyOfRange(x, 0, 60);
    double[] yt = java.util.Arrays.copyOfRange(y, 0, 60);
    RewardModel f = RewardModel.fit(xt, yt, 300, 1L);
    double r2 =
        f.rSquared(
            java.util.Arrays.copyOfRange(x, 60, 80), java.util.Arrays.copyOfRange(y, 60, 80));
    assertTrue(r2 > 0.5, "held-out R^2 " + r2);
  }

  @Test
  void fit_noise_heldOutRSquaredIsNotPositive() {
    SplittableRandom rng = new SplittableRandom(9);
    double[][] x = new double[40][2];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i][0] = 2 * rng.nextDouble() - 1;
      x[i][1] = 2 * rng.nextDouble() - 1;
      y[i] = rng.nextDouble();
    }
    RewardModel f =
        RewardModel.fit(
            java.util.Arrays.copyOfRange(x, 0, 30),
            java.util.Arrays.copyOfRange(y, 0, 30),
            300,
            2L);
    double r2 =
        f.rSquared(
            java.util.Arrays.copyOfRange(x, 30, 40), java.util.Arrays.copyOfRange(y, 30, 40));
    assertTrue(r2 < 0.2, "held-out R^2 on pure noise " + r2);
  }

  @Test
  void fit_raggedRows_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RewardModel.fit(new double[][] {{0.0, 1.0}, {0.5}}, new double[] {0.1, 0.2}, 10, 1L));
  }
}
