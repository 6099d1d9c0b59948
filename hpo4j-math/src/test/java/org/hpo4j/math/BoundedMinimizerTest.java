package org.hpo4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hpo4j.math.BoundedMinimizer.Options;
import org.hpo4j.math.BoundedMinimizer.Result;
import org.hpo4j.math.BoundedMinimizer.StopReason;
import org.junit.jupiter.api.Test;

class BoundedMinimizerTest {
  private static final Options TIGHT =
      Options.defaults()
          .withGradientTolerance(1e-8)
          .withFunctionTolerance(0)
          .withMaxIterations(1000);

  /** Extended Rosenbrock: sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, minimum 0 at (1, ..., 1). */
  static double rosenbrock(double[] x, double[] g) {
    Arrays.fill(g, 0.0);
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
      g[i] += -400 * a * x[i] - 2 * b;
      g[i + 1] += 200 * a;
    }
    return f;
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void minimize_rosenbrock2dFromStandardStart_reachesMinimum() {
    Result r =
        BoundedMinimizer.minimize(
            BoundedMinimizerTest::rosenbrock,
            new double[] {-1.2, 1},
            filled(2, -5),
            filled(2, 5),
            TIGHT);
    assertTrue(r.converged(), r.toString());
    assertTrue(r.f() < 1e-10, "f=" + r.f());
    assertEquals(1.0, r.x()[0], 1e-5);
    assertEquals(1.0, r.x()[1], 1e-5);
  }

  @Test
  void minimize_rosenbrock5dFromStandardStart_reachesMinimum() {
    double[] x0 = {-1.2, 1, -1.2, 1, -1.2};
    Result r =
        BoundedMinimizer.minimize(
            BoundedMinimizerTest::rosenbrock, x0, filled(5, -5), filled(5, 5), TIGHT);
    assertTrue(r.f() < 1e-10, r.toString());
    for (double xi : r.x()) {
      assertEquals(1.0, xi, 1e-5);
    }
  }

  @Test
  void minimize_unconstrainedBoundsInfinite_works() {
    Result r =
        BoundedMinimizer.minimize(
            BoundedMinimizerTest::rosenbrock,
            new double[] {-1.2, 1},
            filled(2, Double.NEGATIVE_INFINITY),
            filled(2, Double.POSITIVE_INFINITY),
            TIGHT);
    assertTrue(r.f() < 1e-10, r.toString());
  }

  @Test
  void minimize_minimumOutsideBox_stopsOnTheBoundWithZeroProjectedGradient() {
    double[] c = {2.0, -3.0, 0.25};
    DifferentiableFunction f =
        (x, g) -> {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            double d = x[i] - c[i];
            s += d * d * (i + 1);
            g[i] = 2 * d * (i + 1);
          }
          return s;
        };
    Result r =
        BoundedMinimizer.minimize(
            f, new double[] {0, 0, 0}, filled(3, -1), filled(3, 1), Options.defaults());
    assertTrue(r.converged(), r.toString());
    assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason());
    assertEquals(1.0, r.x()[0], 0.0);
    assertEquals(-1.0, r.x()[1], 0.0);
    assertEquals(0.25, r.x()[2], 1e-7);
    assertTrue(r.projectedGradientNorm() <= 1e-6);
  }

  @Test
  void minimize_rosenbrockInTightBox_neverEvaluatesOutsideIt() {
    double[] lower = {-0.5, -0.3, 0.1, -2};
    double[] upper = {0.8, 0.6, 0.7, 2};
    boolean[] outside = {false};
    DifferentiableFunction f =
        (x, g) -> {
          for (int i = 0; i < x.length; i++) {
            outside[0] |= x[i] < lower[i] || x[i] > upper[i];
          }
          return rosenbrock(x, g);
        };
    Result r = BoundedMinimizer.minimize(f, new double[] {3, -3, 0.5, 1}, lower, upper, TIGHT);
    assertFalse(outside[0]);
    assertTrue(r.converged(), r.toString());
    assertTrue(r.projectedGradientNorm() <= 1e-8);
  }

  @Test
  void minimize_functionInfiniteOnPartOfTheBox_backtracksAroundIt() {
    // f = -log(x) + x: minimum at 1; +Infinity for x <= 0, which the box [-1, 10] contains
    DifferentiableFunction f =
        (x, g) -> {
          g[0] = -1 / x[0] + 1;
          return x[0] > 0 ? -Math.log(x[0]) + x[0] : Double.POSITIVE_INFINITY;
        };
    Result r =
        BoundedMinimizer.minimize(
            f,
            new double[] {9},
            new double[] {-1},
            new double[] {10},
            Options.defaults().withFunctionTolerance(0));
    assertTrue(r.converged(), r.toString());
    assertEquals(1.0, r.x()[0], 1e-6);
  }

  @Test
  void minimize_nonFiniteStart_reportsItInsteadOfReturningNaN() {
    Result r =
        BoundedMinimizer.minimize(
            (x, g) -> Double.NaN,
            new double[] {0},
            new double[] {-1},
            new double[] {1},
            Options.defaults());
    assertFalse(r.converged());
    assertEquals(StopReason.NON_FINITE_START, r.reason());
  }

  @Test
  void minimize_iterationLimit_reportsMaxIterations() {
    Result r =
        BoundedMinimizer.minimize(
            BoundedMinimizerTest::rosenbrock,
            new double[] {-1.2, 1},
            filled(2, -5),
            filled(2, 5),
            TIGHT.withMaxIterations(3));
    assertFalse(r.converged());
    assertEquals(StopReason.MAX_ITERATIONS, r.reason());
    assertEquals(3, r.iterations());
  }

  @Test
  void minimize_invalidInput_throwsNamingTheProblem() {
    DifferentiableFunction f = BoundedMinimizerTest::rosenbrock;
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BoundedMinimizer.minimize(
                f, new double[2], new double[1], new double[2], Options.defaults()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BoundedMinimizer.minimize(
                    f,
                    new double[2],
                    new double[] {0, 1},
                    new double[] {1, 0},
                    Options.defaults()));
    assertTrue(e.getMessage().contains("i=1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withMaxIterations(0));
  }
}
