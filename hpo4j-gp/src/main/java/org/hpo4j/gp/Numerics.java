package org.hpo4j.gp;

import java.util.SplittableRandom;

/**
 * The seam between the GP and generic numerics (normal tails in log space, quasi-random points, a
 * bounded quasi-Newton minimiser), so that the GP code reads the same whichever library provides
 * them. Stateless and thread-safe.
 */
final class Numerics {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private Numerics() {}

  /** f: R^d -&gt; R with its gradient written into {@code gradient}; non-finite means unusable. */
  @FunctionalInterface
  interface Function {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** The end point of a minimisation: x inside the box and f(x). */
  record Minimum(double[] x, double f) {}

  static double normalPdf(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  static double logNormalPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /** @return log Phi(z), finite for every finite z */
  static double logNdtr(double z) {
    // Phi(z) = erfc(-z / sqrt2) / 2 with erfc(t) = tau exp(-t^2 + P(tau)), tau = 1 / (1 + |t|/2).
    double t = -z / Math.sqrt(2.0);
    double a = Math.abs(t);
    double tau = 1.0 / (1.0 + 0.5 * a);
    double logErfc = Math.log(tau) - a * a + poly(tau);
    if (t >= 0) {
      return logErfc - Math.log(2.0);
    }
    return Math.log1p(-0.5 * Math.exp(logErfc));
  }

  private static double poly(double t) {
    return -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  }

  static double ndtr(double z) {
    return Math.exp(logNdtr(z));
  }

  /**
   * @return log h(z) = log(phi(z) + z Phi(z)), the log expected improvement of a standard normal at
   *     standardised improvement z; finite for every finite z
   */
  static double logH(double z) {
    if (z > -5.0) {
      return Math.log(normalPdf(z) + z * ndtr(z));
    }
    double inv = 1.0 / (z * z);
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k <= 12; k++) {
      term *= -(2 * k + 1) * inv;
      sum += term;
    }
    return logNormalPdf(z) - 2.0 * Math.log(-z) + Math.log(sum);
  }

  /** @return d/dz log h(z) = Phi(z) / h(z) */
  static double logHDerivative(double z) {
    return Math.exp(logNdtr(z) - logH(z));
  }

  /** @return m quasi-random points of the unit d-cube, determined by {@code seed} */
  static double[][] quasiRandom(int m, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] out = new double[m][d];
    for (double[] row : out) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble();
      }
    }
    return out;
  }

  /**
   * Minimises f over the box [lower, upper] from x0 (projected first) with at most
   * {@code maxIterations} iterations.
   */
  static Minimum minimize(Function f, double[] x0, double[] lower, double[] upper, int maxIterations) {
    int d = x0.length;
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = Math.max(lower[j], Math.min(upper[j], x0[j]));
    }
    double[] g = new double[d];
    double fx = f.valueAndGradient(x, g);
    if (!Double.isFinite(fx)) {
      return new Minimum(x, fx);
    }
    double step = 1.0;
    double[] xn = new double[d];
    double[] gn = new double[d];
    for (int it = 0; it < maxIterations; it++) {
      double fn = Double.NaN;
      boolean moved = false;
      for (int ls = 0; ls < 30; ls++) {
        double decrease = 0;
        for (int j = 0; j < d; j++) {
          xn[j] = Math.max(lower[j], Math.min(upper[j], x[j] - step * g[j]));
          decrease += g[j] * (x[j] - xn[j]);
        }
        fn = f.valueAndGradient(xn, gn);
        if (Double.isFinite(fn) && fn <= fx - 1e-4 * decrease) {
          moved = decrease > 0;
          break;
        }
        step *= 0.3;
      }
      if (!moved || !Double.isFinite(fn)) {
        break;
      }
      double sy = 0;
      double ss = 0;
      for (int j = 0; j < d; j++) {
        double s = xn[j] - x[j];
        sy += s * (gn[j] - g[j]);
        ss += s * s;
      }
      boolean small = fx - fn <= 1e-10 * Math.max(1.0, Math.abs(fx));
      System.arraycopy(xn, 0, x, 0, d);
      System.arraycopy(gn, 0, g, 0, d);
      fx = fn;
      if (small) {
        break;
      }
      step = sy > 0 ? Math.min(1e3, ss / sy) : step * 2;
    }
    return new Minimum(x, fx);
  }
}
