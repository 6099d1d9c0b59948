package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.hpo4j.math.BoundedMinimizer;
import org.hpo4j.math.Cholesky;

/**
 * Chooses the kernel hyperparameters by maximising the log marginal likelihood plus weak priors (a
 * MAP estimate) with the bounded quasi-Newton minimiser and analytic gradients, from a warm start
 * and a few other starts.
 *
 * <p>Notation as in {@link Kernel}; theta = (log l_0 .. log l_{d-1}, log s2, log noise). The
 * minimised objective is {@code NLP(theta) = y^T alpha / 2 + sum log L_ii + n log(2 pi) / 2 - log
 * p(theta)} with gradient {@code -tr(W dK/dtheta_k) / 2 - d log p / dtheta_k}, W = alpha alpha^T -
 * K^{-1} (Rasmussen &amp; Williams, eq. 5.9).
 *
 * <p>Priors (normal on each log hyperparameter): numeric length scales N(sqrt2 + log(d)/2, 3), the
 * dimension-scaled prior of Hvarfner et al., "Vanilla Bayesian Optimization Performs Great in High
 * Dimensions" (ICML 2024); categorical rates N(0, 4); log s2 N(0, 4); log noise N(log 1e-4, 9),
 * which lets data explain a noisy objective while favouring interpolation of a deterministic one.
 * In a conditional space d is the mean number of parameters a trial has, and a conditional numeric
 * dimension's log length scale has prior mean 0 (see {@link #CONDITIONAL_LOG_LENGTH}).
 *
 * <p>Stateless and thread-safe.
 */
final class HyperparameterFit {
  static final double MIN_NOISE = 1e-8;

  private HyperparameterFit() {}

  /** Prior mean and variance of theta. */
  static double[][] prior(boolean[] categorical) {
    return prior(categorical, categorical.length);
  }

  /**
   * @param dimension the d of the length-scale prior: in a conditional space the number of
   *     parameters a trial has on average, not the size of the union of all branches
   */
  static double[][] prior(boolean[] categorical, double dimension) {
    return prior(categorical, new boolean[categorical.length], dimension);
  }

  /**
   * Prior mean of a conditional numeric dimension's log length scale: log 1, not the
   * dimension-scaled prior, since a branch sees only its share of the trials and a near-linear fit
   * from a few of them sent the search to the corners of the branch.
   */
  static final double CONDITIONAL_LOG_LENGTH = 0.0;

  /**
   * As above; a conditional numeric dimension's length scale has prior mean CONDITIONAL_LOG_LENGTH.
   */
  static double[][] prior(boolean[] categorical, boolean[] conditional, double dimension) {
    int d = categorical.length;
    double[] mean = new double[d + 2];
    double[] var = new double[d + 2];
    for (int j = 0; j < d; j++) {
      mean[j] =
          categorical[j]
              ? 0.0
              : conditional[j]
                  ? CONDITIONAL_LOG_LENGTH
                  : Math.sqrt(2.0) + 0.5 * Math.log(dimension);
      var[j] = categorical[j] ? 4.0 : 3.0;
    }
    mean[d] = 0.0;
    var[d] = 4.0;
    mean[d + 1] = Math.log(1e-4);
    var[d + 1] = 9.0;
    return new double[][] {mean, var};
  }

  /**
   * Box of theta: length scales in [0.005, 100] (rates in [0.01, 100]), s2 in [0.01, 100], noise in
   * [1e-8, 1].
   */
  static double[][] bounds(boolean[] categorical) {
    int d = categorical.length;
    double[] lo = new double[d + 2];
    double[] hi = new double[d + 2];
    for (int j = 0; j < d; j++) {
      lo[j] = Math.log(categorical[j] ? 0.01 : 0.005);
      hi[j] = Math.log(100.0);
    }
    lo[d] = Math.log(0.01);
    hi[d] = Math.log(100.0);
    lo[d + 1] = Math.log(MIN_NOISE);
    hi[d + 1] = 0.0;
    return new double[][] {lo, hi};
  }

  /**
   * The theta every fit starts from when it has no warm start: length scales 0.5, s2 1, noise 1e-4.
   */
  static double[] defaultStart(boolean[] categorical) {
    int d = categorical.length;
    double[] t = new double[d + 2];
    for (int j = 0; j < d; j++) {
      t[j] = categorical[j] ? 0.0 : Math.log(0.5);
    }
    t[d] = 0.0;
    t[d + 1] = Math.log(1e-4);
    return t;
  }

  /**
   * Negative log posterior of theta and its gradient.
   *
   * @param x n x d inputs; y n standardised targets
   * @param gradient a (d + 2)-vector to overwrite
   * @return NLP(theta), or +infinity when K cannot be factored at theta
   */
  static double objective(
      boolean[] categorical, double[][] x, double[] y, double[] theta, double[] gradient) {
    return objective(categorical, new boolean[categorical.length], x, y, theta, gradient);
  }

  /** As above, with conditional dimensions (NaN where absent; see {@link Kernel}). */
  static double objective(
      boolean[] categorical,
      boolean[] conditional,
      double[][] x,
      double[] y,
      double[] theta,
      double[] gradient) {
    return objective(
        categorical,
        conditional,
        x,
        new double[][] {y},
        prior(categorical, conditional, presentDimension(x, conditional)),
        theta,
        gradient);
  }

  /**
   * The negative log posterior of theta for several outputs observed at the same inputs, modelled
   * as independent GPs that share one kernel (the sum of their log marginal likelihoods, the prior
   * counted once): one factor serves them all, so the extra outputs (a study's constraints) cost a
   * triangular solve each instead of a fit and a factor of their own.
   *
   * @param ys outputs x n standardised targets
   * @param prior the prior mean and variance of theta (see {@link #prior(boolean[], boolean[],
   *     double)})
   */
  static double objective(
      boolean[] categorical,
      boolean[] conditional,
      double[][] x,
      double[][] ys,
      double[][] prior,
      double[] theta,
      double[] gradient) {
    int n = x.length;
    int d = categorical.length;
    int outputs = ys.length;
    Kernel kernel = new Kernel(categorical, conditional, theta);
    double[] k = kernel.gram(x);
    Optional<Cholesky> fl = Cholesky.of(DMatrixRMaj.wrap(n, n, k));
    if (fl.isEmpty()) {
      java.util.Arrays.fill(gradient, 0.0);
      return Double.POSITIVE_INFINITY;
    }
    Cholesky l = fl.get();
    double nlp = outputs * (l.logDeterminant() / 2 + 0.5 * n * Math.log(2 * Math.PI));
    double[][] alphas = new double[outputs][];
    for (int o = 0; o < outputs; o++) {
      alphas[o] = l.solve(ys[o]);
      for (int i = 0; i < n; i++) {
        nlp += 0.5 * ys[o][i] * alphas[o][i];
      }
    }
    double[] kinv = l.inverse().data;
    double s2 = kernel.signalVariance();
    double[] g = new double[d + 2];
    double[] delta = new double[d];
    for (int i = 0; i < n; i++) {
      // Diagonal: dK_ii/dlog s2 = s2, dK_ii/dlog noise = noise.
      double wii = -outputs * kinv[i * n + i];
      for (double[] alpha : alphas) {
        wii += alpha[i] * alpha[i];
      }
      g[d] += 0.5 * wii * s2;
      g[d + 1] += 0.5 * wii * kernel.noiseVariance();
      for (int jj = 0; jj < i; jj++) {
        double w = -outputs * kinv[i * n + jj]; // counted twice: symmetric
        for (double[] alpha : alphas) {
          w += alpha[i] * alpha[jj];
        }
        double r2 = 0;
        double h = 0;
        for (int c = 0; c < d; c++) {
          if (categorical[c]) {
            delta[c] = Kernel.differ(x[i][c], x[jj][c]) ? kernel.scale(c) : 0.0;
            h += delta[c];
          } else {
            delta[c] = kernel.distance2(c, x[i][c], x[jj][c]) * kernel.scale(c);
            r2 += delta[c];
          }
        }
        double e = s2 * Math.exp(-h);
        double kij = e * Kernel.matern(r2);
        double slope = e * Kernel.maternSlope(r2);
        for (int c = 0; c < d; c++) {
          if (delta[c] != 0) {
            g[c] += w * (categorical[c] ? kij * delta[c] : -2.0 * slope * delta[c]);
          }
        }
        g[d] += w * kij;
      }
    }
    for (int c = 0; c < d + 2; c++) {
      double z = theta[c] - prior[0][c];
      nlp += 0.5 * z * z / prior[1][c];
      gradient[c] = -g[c] + z / prior[1][c];
    }
    return nlp;
  }

  /**
   * Fits theta from the warm start (if any), the default start (unless only the warm start is asked
   * for) and {@code extraStarts} draws from the prior, keeping the best.
   *
   * @param warmStart a previous theta of the same length, or null
   * @return the best theta found (never NaN: a start whose objective is not finite is skipped), or
   *     the default start when no start could be evaluated
   */
  static double[] fit(
      boolean[] categorical,
      double[][] x,
      double[] y,
      double[] warmStart,
      int extraStarts,
      int maxIterations,
      SplittableRandom rng) {
    return fit(
        categorical,
        new boolean[categorical.length],
        x,
        y,
        warmStart,
        extraStarts,
        maxIterations,
        rng);
  }

  /** As above, with conditional dimensions (NaN where absent; see {@link Kernel}). */
  static double[] fit(
      boolean[] categorical,
      boolean[] conditional,
      double[][] x,
      double[] y,
      double[] warmStart,
      int extraStarts,
      int maxIterations,
      SplittableRandom rng) {
    return fit(
        categorical,
        conditional,
        x,
        new double[][] {y},
        warmStart,
        extraStarts,
        maxIterations,
        rng);
  }

  /** As above, for several outputs sharing the kernel (see the objective of several outputs). */
  static double[] fit(
      boolean[] categorical,
      boolean[] conditional,
      double[][] x,
      double[][] ys,
      double[] warmStart,
      int extraStarts,
      int maxIterations,
      SplittableRandom rng) {
    double[][] box = bounds(categorical);
    double[][] prior = prior(categorical, conditional, presentDimension(x, conditional));
    List<double[]> starts = new ArrayList<>();
    if (warmStart != null && warmStart.length == categorical.length + 2) {
      starts.add(warmStart.clone());
    }
    if (starts.isEmpty() || extraStarts > 0) {
      starts.add(defaultStart(categorical));
    }
    for (int s = 0; s < extraStarts; s++) {
      double[] t = new double[categorical.length + 2];
      for (int c = 0; c < t.length; c++) {
        t[c] = prior[0][c] + Math.sqrt(prior[1][c]) * 0.5 * gaussian(rng);
      }
      starts.add(t);
    }
    double[] best = null;
    double bestF = Double.POSITIVE_INFINITY;
    for (double[] start : starts) {
      BoundedMinimizer.Result m =
          BoundedMinimizer.minimize(
              (t, grad) -> objective(categorical, conditional, x, ys, prior, t, grad),
              start,
              box[0],
              box[1],
              BoundedMinimizer.Options.defaults()
                  .withMaxIterations(Math.max(1, maxIterations))
                  .withGradientTolerance(1e-3)
                  .withFunctionTolerance(1e-7));
      if (Double.isFinite(m.f()) && m.f() < bestF) {
        bestF = m.f();
        best = m.x();
      }
    }
    return best != null ? best : defaultStart(categorical);
  }

  /**
   * @return the mean number of present (non-NaN) dimensions of a row; d when none is conditional
   */
  static double presentDimension(double[][] x, boolean[] conditional) {
    int d = conditional.length;
    boolean any = false;
    for (boolean c : conditional) {
      any |= c;
    }
    if (!any || x.length == 0) {
      return d;
    }
    double total = 0;
    for (double[] row : x) {
      for (double v : row) {
        total += Double.isNaN(v) ? 0 : 1;
      }
    }
    return Math.max(1.0, total / x.length);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
