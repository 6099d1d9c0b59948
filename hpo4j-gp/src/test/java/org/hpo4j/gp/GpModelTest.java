package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GpModelTest {

  static double[][] randomPoints(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble();
      }
    }
    return x;
  }

  static double[] targets(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int j = 0; j < x[i].length; j++) {
        s += Math.sin(3 * x[i][j] + j);
      }
      y[i] = s;
    }
    return y;
  }

  private static Kernel noiseless(int d) {
    double[] theta = new double[d + 2];
    java.util.Arrays.fill(theta, Math.log(0.4));
    theta[d] = 0.0;
    theta[d + 1] = Math.log(1e-10);
    return new Kernel(new boolean[d], theta);
  }

  @Test
  void posterior_atTrainingPointsWithoutNoise_interpolatesWithNearZeroVariance() {
    double[][] x = randomPoints(15, 3, 1);
    double[] y = targets(x);
    GpModel model = GpModel.fit(noiseless(3), x, y).orElseThrow();
    for (int i = 0; i < x.length; i++) {
      Posterior p = model.posterior(x[i], false);
      assertEquals(y[i], p.mean(), 1e-5);
      assertTrue(p.variance() < 1e-6, "variance " + p.variance());
    }
  }

  @Test
  void posterior_farFromData_returnsPriorMeanAndSignalVariance() {
    double[][] x = {{0.0, 0.0}, {0.05, 0.02}};
    double[] theta = {Math.log(0.01), Math.log(0.01), Math.log(2.0), Math.log(1e-6)};
    GpModel model =
        GpModel.fit(new Kernel(new boolean[2], theta), x, new double[] {1.0, -1.0}).orElseThrow();
    Posterior p = model.posterior(new double[] {0.9, 0.9}, false);
    assertEquals(0.0, p.mean(), 1e-12);
    assertEquals(2.0, p.variance(), 1e-9);
  }

  @Test
  void posterior_oneTrainingPoint_matchesClosedForm() {
    // n = 1: mu = k y / (s2 + noise), var = s2 - k^2 / (s2 + noise), k = s2 m(r).
    double[] theta = {Math.log(0.3), Math.log(1.5), Math.log(0.1)};
    Kernel kernel = new Kernel(new boolean[1], theta);
    GpModel model = GpModel.fit(kernel, new double[][] {{0.2}}, new double[] {0.7}).orElseThrow();
    double r = 0.3 / 0.3;
    double k = 1.5 * (1 + Math.sqrt(5) * r + 5.0 / 3 * r * r) * Math.exp(-Math.sqrt(5) * r);
    Posterior p = model.posterior(new double[] {0.5}, false);
    assertEquals(k * 0.7 / 1.6, p.mean(), 1e-12);
    assertEquals(1.5 - k * k / 1.6, p.variance(), 1e-12);
  }

  @Test
  void posterior_gradients_matchFiniteDifferences() {
    double[][] x = randomPoints(12, 3, 2);
    double[] theta = {Math.log(0.3), Math.log(0.5), Math.log(0.7), Math.log(1.3), Math.log(1e-3)};
    GpModel model = GpModel.fit(new Kernel(new boolean[3], theta), x, targets(x)).orElseThrow();
    double[] at = {0.31, 0.62, 0.47};
    Posterior p = model.posterior(at, true);
    double eps = 1e-6;
    for (int j = 0; j < 3; j++) {
      double[] up = at.clone();
      double[] dn = at.clone();
      up[j] += eps;
      dn[j] -= eps;
      Posterior pu = model.posterior(up, false);
      Posterior pd = model.posterior(dn, false);
      assertEquals((pu.mean() - pd.mean()) / (2 * eps), p.meanGradient()[j], 1e-5);
      assertEquals((pu.variance() - pd.variance()) / (2 * eps), p.varianceGradient()[j], 1e-5);
    }
  }

  @Test
  void condition_withFantasies_equalsFittingOnAllData() {
    double[][] x = randomPoints(10, 2, 3);
    double[] y = targets(x);
    double[] theta = {Math.log(0.3), Math.log(0.5), 0.0, Math.log(1e-3)};
    Kernel kernel = new Kernel(new boolean[2], theta);
    double[][] first = java.util.Arrays.copyOf(x, 7);
    double[][] rest = java.util.Arrays.copyOfRange(x, 7, 10);
    GpModel incremental =
        GpModel.fit(kernel, first, java.util.Arrays.copyOf(y, 7))
            .orElseThrow()
            .condition(rest, java.util.Arrays.copyOfRange(y, 7, 10))
            .orElseThrow();
    GpModel full = GpModel.fit(kernel, x, y).orElseThrow();
    double[] at = {0.4, 0.8};
    assertEquals(full.posterior(at, false).mean(), incremental.posterior(at, false).mean(), 1e-10);
    assertEquals(
        full.posterior(at, false).variance(), incremental.posterior(at, false).variance(), 1e-10);
  }

  @Test
  void fit_duplicatePointsWithTinyNoise_succeedsWithJitter() {
    double[][] x = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.1, 0.2}};
    double[] theta = {0.0, 0.0, 0.0, -40.0};
    GpModel model =
        GpModel.fit(new Kernel(new boolean[2], theta), x, new double[] {1, 1, 1, 0}).orElseThrow();
    assertTrue(model.jitter() > 0);
    assertTrue(Double.isFinite(model.posterior(new double[] {0.3, 0.3}, false).mean()));
  }
}
