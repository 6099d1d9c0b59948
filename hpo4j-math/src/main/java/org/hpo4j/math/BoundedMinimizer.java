package org.hpo4j.math;

import java.util.Arrays;

/**
 * Minimises a smooth f: R^d -&gt; R over a box {@code lower &lt;= x &lt;= upper} with a projected
 * L-BFGS method, the job scipy's L-BFGS-B does for GP hyperparameters and acquisition functions.
 *
 * <p>Notation: g = grad f(x); P(y) = the projection of y onto the box (coordinate-wise clamp);
 * projected gradient {@code pg = P(x - g) - x}, zero exactly at a first-order (KKT) point; active
 * set = coordinates on a bound whose gradient pushes outward; (s_k, y_k) = the last m steps and
 * gradient changes.
 *
 * <p>Each iteration: (1) stop if {@code ||pg||_inf <= gradientTolerance}; (2) direction {@code d =
 * -H g} on the free coordinates by the L-BFGS two-loop recursion (0 on the active set), falling
 * back to -g if that is not a descent direction; (3) backtracking (with safeguarded quadratic
 * interpolation) along the projected path {@code x(t) = P(x + t d)} until the Armijo condition
 * {@code f(x(t)) <= f(x) + 1e-4 g.(x(t) - x)} holds; (4) keep (s, y) if {@code s.y > 1e-10 y.y}.
 * Unlike L-BFGS-B there is no generalised Cauchy point or subspace minimisation; for the smooth,
 * low-dimensional problems here this converges as well. f is only ever evaluated inside the box.
 *
 * <p>Reference: Byrd, Lu, Nocedal, Zhu, "A limited memory algorithm for bound constrained
 * optimization", SIAM J. Sci. Comput. 16 (1995); Nocedal &amp; Wright, Numerical Optimization, 7.2.
 *
 * <p>Thread-safe: stateless; each call works on its own arrays.
 */
public final class BoundedMinimizer {
  private BoundedMinimizer() {}

  /** Why the minimiser stopped. */
  public enum StopReason {
    /** The projected gradient's max-norm fell to gradientTolerance (converged). */
    GRADIENT_TOLERANCE,
    /** The relative decrease of f fell to functionTolerance (converged). */
    FUNCTION_TOLERANCE,
    /** maxIterations iterations were done without convergence. */
    MAX_ITERATIONS,
    /**
     * No step along the steepest-descent path decreased f (often: the tolerance is below the noise
     * of f).
     */
    LINE_SEARCH_FAILED,
    /** f or its gradient was not finite at the start point. */
    NON_FINITE_START
  }

  /**
   * Options.
   *
   * @param maxIterations iterations before giving up (&gt;= 1)
   * @param gradientTolerance stop when max |projected gradient| &lt;= this (&gt;= 0)
   * @param functionTolerance stop when (f_old - f_new) &lt;= this * max(|f_old|, |f_new|, 1) (&gt;=
   *     0; 0 disables)
   * @param memory number of (s, y) pairs kept (&gt;= 1)
   * @param maxLineSearchSteps function evaluations per line search (&gt;= 1)
   */
  public record Options(
      int maxIterations,
      double gradientTolerance,
      double functionTolerance,
      int memory,
      int maxLineSearchSteps) {
    /**
     * @throws IllegalArgumentException if a field is outside its documented range
     */
    public Options {
      require(maxIterations >= 1, "maxIterations >= 1", maxIterations);
      require(gradientTolerance >= 0, "gradientTolerance >= 0", gradientTolerance);
      require(functionTolerance >= 0, "functionTolerance >= 0", functionTolerance);
      require(memory >= 1, "memory >= 1", memory);
      require(maxLineSearchSteps >= 1, "maxLineSearchSteps >= 1", maxLineSearchSteps);
    }

    /**
     * 200 iterations, gradient tolerance 1e-6, function tolerance 2.2e-9 (scipy's factr=1e7),
     * memory 10, 30 steps.
     */
    public static Options defaults() {
      return new Options(200, 1e-6, 2.2e-9, 10, 30);
    }

    /** A copy with another maxIterations. */
    public Options withMaxIterations(int value) {
      return new Options(value, gradientTolerance, functionTolerance, memory, maxLineSearchSteps);
    }

    /** A copy with another gradientTolerance. */
    public Options withGradientTolerance(double value) {
      return new Options(maxIterations, value, functionTolerance, memory, maxLineSearchSteps);
    }

    /** A copy with another functionTolerance. */
    public Options withFunctionTolerance(double value) {
      return new Options(maxIterations, gradientTolerance, value, memory, maxLineSearchSteps);
    }

    private static void require(boolean ok, String rule, Object value) {
      if (!ok) {
        throw new IllegalArgumentException(rule + " must hold, but got " + value);
      }
    }
  }

  /**
   * The outcome: the best point found (always inside the box), its value, and why it stopped.
   *
   * @param x the final point (a fresh array)
   * @param f f(x)
   * @param iterations completed iterations
   * @param evaluations calls of f
   * @param converged true for GRADIENT_TOLERANCE and FUNCTION_TOLERANCE
   * @param reason why it stopped
   * @param projectedGradientNorm max-norm of the projected gradient at x
   */
  public record Result(
      double[] x,
      double f,
      int iterations,
      int evaluations,
      boolean converged,
      StopReason reason,
      double projectedGradientNorm) {}

  /**
   * Minimises f over the box from x0 (projected into the box first).
   *
   * @param f the function and its gradient
   * @param x0 start point, a d-vector (not modified)
   * @param lower lower bounds, a d-vector (may hold -Infinity)
   * @param upper upper bounds, a d-vector (may hold +Infinity), lower[i] &lt;= upper[i]
   * @throws IllegalArgumentException if the lengths differ, d = 0, x0 is not finite or a bound pair
   *     is inverted
   */
  public static Result minimize(
      DifferentiableFunction f, double[] x0, double[] lower, double[] upper, Options options) {
    int n = x0.length;
    if (n == 0 || lower.length != n || upper.length != n) {
      throw new IllegalArgumentException(
          "x0, lower and upper must have the same length >= 1, but got "
              + n
              + ", "
              + lower.length
              + ", "
              + upper.length);
    }
    for (int i = 0; i < n; i++) {
      if (!(lower[i] <= upper[i]) || !Double.isFinite(x0[i])) {
        throw new IllegalArgumentException(
            "lower[i] <= upper[i] and finite x0[i] must hold, but at i="
                + i
                + " got lower="
                + lower[i]
                + ", upper="
                + upper[i]
                + ", x0="
                + x0[i]);
      }
    }
    return new Run(f, lower, upper, options, n).run(x0);
  }

  /** The state of one minimisation. */
  private static final class Run {
    private final DifferentiableFunction f;
    private final double[] lower;
    private final double[] upper;
    private final Options options;
    private final int n;
    private final LbfgsMemory memory;
    private int evaluations;

    Run(DifferentiableFunction f, double[] lower, double[] upper, Options options, int n) {
      this.f = f;
      this.lower = lower;
      this.upper = upper;
      this.options = options;
      this.n = n;
      this.memory = new LbfgsMemory(options.memory(), n);
    }

    Result run(double[] x0) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = clamp(x0[i], i);
      }
      double[] g = new double[n];
      double fx = evaluate(x, g);
      if (!isFinite(fx, g)) {
        return new Result(x, fx, 0, evaluations, false, StopReason.NON_FINITE_START, Double.NaN);
      }
      double[] d = new double[n];
      double[] xt = new double[n];
      double[] gt = new double[n];
      boolean[] free = new boolean[n];
      for (int iter = 0; ; iter++) {
        double pgNorm = projectedGradientNorm(x, g, free);
        if (pgNorm <= options.gradientTolerance()) {
          return new Result(x, fx, iter, evaluations, true, StopReason.GRADIENT_TOLERANCE, pgNorm);
        }
        if (iter >= options.maxIterations()) {
          return new Result(x, fx, iter, evaluations, false, StopReason.MAX_ITERATIONS, pgNorm);
        }
        double ft = Double.NaN;
        boolean stepped = false;
        for (int attempt = 0; attempt < 2 && !stepped; attempt++) {
          if (attempt == 1) {
            if (memory.isEmpty()) {
              break;
            }
            memory.clear(); // retry once along steepest descent
          }
          double slope = direction(g, free, d);
          if (slope >= 0) {
            memory.clear();
            slope = direction(g, free, d);
          }
          ft = lineSearch(x, fx, g, d, slope, xt, gt);
          stepped = !Double.isNaN(ft);
        }
        if (!stepped) {
          return new Result(x, fx, iter, evaluations, false, StopReason.LINE_SEARCH_FAILED, pgNorm);
        }
        memory.add(x, xt, g, gt);
        double decrease = fx - ft;
        System.arraycopy(xt, 0, x, 0, n);
        System.arraycopy(gt, 0, g, 0, n);
        double scale = Math.max(Math.max(Math.abs(fx), Math.abs(ft)), 1.0);
        fx = ft;
        if (decrease <= options.functionTolerance() * scale) {
          double pg = projectedGradientNorm(x, g, free);
          StopReason reason =
              pg <= options.gradientTolerance()
                  ? StopReason.GRADIENT_TOLERANCE
                  : StopReason.FUNCTION_TOLERANCE;
          return new Result(x, fx, iter + 1, evaluations, true, reason, pg);
        }
      }
    }

    /** d = -H g on the free coordinates, 0 on the active set; returns g.d. */
    private double direction(double[] g, boolean[] free, double[] d) {
      for (int i = 0; i < n; i++) {
        d[i] = free[i] ? g[i] : 0.0;
      }
      memory.applyInverseHessian(d, free);
      double slope = 0.0;
      for (int i = 0; i < n; i++) {
        d[i] = free[i] ? -d[i] : 0.0;
        slope += g[i] * d[i];
      }
      return slope;
    }

    /** Backtracks along P(x + t d); on success fills xt, gt and returns f(xt), else NaN. */
    private double lineSearch(
        double[] x, double fx, double[] g, double[] d, double slope, double[] xt, double[] gt) {
      double t = 1.0;
      if (memory.isEmpty()) {
        double norm = 0.0;
        for (double di : d) {
          norm += di * di;
        }
        t = Math.min(1.0, 1.0 / Math.sqrt(norm));
      }
      for (int step = 0; step < options.maxLineSearchSteps(); step++) {
        double gs = 0.0;
        boolean moved = false;
        for (int i = 0; i < n; i++) {
          xt[i] = clamp(x[i] + t * d[i], i);
          gs += g[i] * (xt[i] - x[i]);
          moved |= xt[i] != x[i];
        }
        if (!moved) {
          return Double.NaN;
        }
        double ft = evaluate(xt, gt);
        if (isFinite(ft, gt) && ft <= fx + 1e-4 * gs && gs < 0) {
          return ft;
        }
        double next = 0.5 * t;
        if (Double.isFinite(ft)
            && gs < 0) { // minimiser of the quadratic through f(0), slope and f(t)
          double directional = gs / t;
          double q = -directional * t * t / (2.0 * (ft - fx - directional * t));
          if (q > 0.1 * t && q < 0.5 * t) {
            next = q;
          } else if (q <= 0.1 * t) {
            next = 0.1 * t;
          }
        }
        t = next;
      }
      return Double.NaN;
    }

    private double projectedGradientNorm(double[] x, double[] g, boolean[] free) {
      double norm = 0.0;
      for (int i = 0; i < n; i++) {
        double pg = clamp(x[i] - g[i], i) - x[i];
        norm = Math.max(norm, Math.abs(pg));
        free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
      }
      return norm;
    }

    private double evaluate(double[] x, double[] g) {
      evaluations++;
      Arrays.fill(g, Double.NaN);
      return f.valueAndGradient(x, g);
    }

    private double clamp(double v, int i) {
      return Math.max(lower[i], Math.min(upper[i], v));
    }

    private static boolean isFinite(double fx, double[] g) {
      if (!Double.isFinite(fx)) {
        return false;
      }
      for (double gi : g) {
        if (!Double.isFinite(gi)) {
          return false;
        }
      }
      return true;
    }
  }
}
