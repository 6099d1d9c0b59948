package org.hpo4j.gp;

import org.hpo4j.math.BoundedMinimizer;
import org.hpo4j.math.Normal;
import org.hpo4j.math.Sobol;

/**
 * The seam between the GP and the generic numerics of hpo4j-math (normal tails in log space,
 * scrambled Sobol points, the bounded quasi-Newton minimiser), so the GP code names only what it
 * needs. Stateless and thread-safe.
 */
final class Numerics {
  private Numerics() {}

  /** f: R^d -&gt; R with its gradient written into {@code gradient}; non-finite means unusable. */
  @FunctionalInterface
  interface Function {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** The end point of a minimisation: x inside the box and f(x). */
  record Minimum(double[] x, double f) {}

  static double normalPdf(double z) {
    return Normal.pdf(z);
  }

  static double logNormalPdf(double z) {
    return Normal.logPdf(z);
  }

  /** @return log Phi(z), finite for every finite z */
  static double logNdtr(double z) {
    return Normal.logNdtr(z);
  }

  static double ndtr(double z) {
    return Normal.ndtr(z);
  }

  /**
   * @return log h(z) = log(phi(z) + z Phi(z)), the log expected improvement of a standard normal at
   *     standardised improvement z; finite for every finite z
   */
  static double logH(double z) {
    return Normal.logH(z);
  }

  /** @return d/dz log h(z) = Phi(z) / h(z) */
  static double logHDerivative(double z) {
    return Normal.logHDerivative(z);
  }

  /** @return the first m points of a scrambled Sobol sequence in the unit d-cube, determined by {@code seed} */
  static double[][] quasiRandom(int m, int d, long seed) {
    Sobol sobol = Sobol.scrambled(d, seed);
    double[][] out = new double[m][d];
    for (double[] row : out) {
      sobol.next(row);
    }
    return out;
  }

  /**
   * Minimises f over the box [lower, upper] from x0 (projected first) with at most
   * {@code maxIterations} iterations of projected L-BFGS, stopping when the projected gradient's
   * max-norm falls to {@code gradientTolerance} or the relative decrease of f to
   * {@code functionTolerance}.
   */
  static Minimum minimize(Function f, double[] x0, double[] lower, double[] upper, int maxIterations,
      double gradientTolerance, double functionTolerance) {
    BoundedMinimizer.Result r = BoundedMinimizer.minimize(f::valueAndGradient, x0, lower, upper,
        BoundedMinimizer.Options.defaults().withMaxIterations(Math.max(1, maxIterations))
            .withGradientTolerance(gradientTolerance).withFunctionTolerance(functionTolerance));
    return new Minimum(r.x(), r.f());
  }
}
