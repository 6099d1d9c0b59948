package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HyperparameterFitTest {

  private static void checkGradient(
      boolean[] categorical, double[][] x, double[] y, double[] theta) {
    double[] g = new double[theta.length];
    HyperparameterFit.objective(categorical, x, y, theta, g);
    double eps = 1e-6;
    double[] scratch = new double[theta.length];
    for (int c = 0; c < theta.length; c++) {
      double[] up = theta.clone();
      double[] dn = theta.clone();
      up[c] += eps;
      dn[c] -= eps;
      double fd =
          (HyperparameterFit.objective(categorical, x, y, up, scratch)
                  - HyperparameterFit.objective(categorical, x, y, dn, scratch))
              / (2 * eps);
      assertEquals(fd, g[c], 1e-4 * Math.max(1, Math.abs(fd)), "d NLP / d theta_" + c);
    }
  }

  @Test
  void objective_numericDimensions_gradientMatchesFiniteDifferences() {
    double[][] x = GpModelTest.randomPoints(20, 3, 4);
    double[] y = GpModelTest.targets(x);
    checkGradient(
        new boolean[3],
        x,
        y,
        new double[] {Math.log(0.3), Math.log(0.8), Math.log(0.5), 0.3, Math.log(0.01)});
  }

  @Test
  void objective_withCategoricalDimension_gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = GpModelTest.randomPoints(20, 3, 5);
    for (double[] row : x) {
      row[2] = (rng.nextInt(3) + 0.5) / 3; // a categorical with 3 choices
    }
    double[] y = GpModelTest.targets(x);
    checkGradient(
        new boolean[] {false, false, true},
        x,
        y,
        new double[] {Math.log(0.3), Math.log(0.8), Math.log(0.7), -0.2, Math.log(0.05)});
  }

  @Test
  void fit_smoothFunction_improvesOnDefaultStartAndStaysInBounds() {
    double[][] x = GpModelTest.randomPoints(25, 2, 6);
    double[] y = GpModelTest.targets(x);
    boolean[] cat = new boolean[2];
    double[] theta = HyperparameterFit.fit(cat, x, y, null, 1, 100, new SplittableRandom(1));
    double[] g = new double[4];
    double fitted = HyperparameterFit.objective(cat, x, y, theta, g);
    double initial = HyperparameterFit.objective(cat, x, y, HyperparameterFit.defaultStart(cat), g);
    assertTrue(fitted < initial, fitted + " < " + initial);
    double[][] box = HyperparameterFit.bounds(cat);
    for (int c = 0; c < theta.length; c++) {
      assertTrue(theta[c] >= box[0][c] && theta[c] <= box[1][c]);
    }
    // A smooth noiseless function: little noise is fitted.
    assertTrue(Math.exp(theta[3]) < 1e-2, "noise " + Math.exp(theta[3]));
  }
}
