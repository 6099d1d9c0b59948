package org.hpo4j.math;

/**
 * A function f: R^d -&gt; R with its analytic gradient, as {@link BoundedMinimizer} minimises it.
 *
 * <p>Implementations may keep scratch state, so a single instance need not be thread-safe; the
 * minimiser calls it from one thread.
 */
@FunctionalInterface
public interface DifferentiableFunction {
  /**
   * Evaluates f at x and writes its gradient.
   *
   * @param x a d-vector; must not be modified
   * @param gradient a d-vector to overwrite with the gradient of f at x
   * @return f(x); a non-finite value tells the minimiser the point is unusable
   */
  double valueAndGradient(double[] x, double[] gradient);
}
