package org.hpo4j.gp;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ejml.data.DMatrixRMaj;
import org.hpo4j.math.Cholesky;

/**
 * A GP conditioned on data: the kernel, the training inputs, the standardised targets, the Cholesky
 * factor of the Gram matrix and {@code alpha = K^{-1} y}. Produces the posterior at any point.
 *
 * <p>Notation: X is n x d (rows in the unit cube), y an n-vector, K = k(X, X) + noise I (+ jitter),
 * L its lower Cholesky factor, k* = k(X, x) an n-vector. mu(x) = k*^T alpha, sigma^2(x) = k(x, x) -
 * |L^{-1} k*|^2.
 *
 * <p>Immutable and thread-safe; {@link #posterior} allocates only its result.
 */
final class GpModel {
  private static final Logger LOG = Logger.getLogger(GpModel.class.getName());

  /**
   * Jitter relative to the mean diagonal tried after a plain factorisation fails: 1e-9, 1e-8, ...
   * 1e-4.
   */
  static final double FIRST_JITTER = 1e-9;

  static final int JITTER_TRIES = 6;

  private final Kernel kernel;
  private final double[][] x;
  private final double[] y;
  private final Cholesky factor;
  private final double[] alpha;
  private final int n;
  private final double jitter;

  private GpModel(Kernel kernel, double[][] x, double[] y, Cholesky factor, double jitter) {
    this.kernel = kernel;
    this.x = x;
    this.y = y;
    this.n = x.length;
    this.factor = factor;
    this.jitter = jitter;
    this.alpha = factor.solve(y);
  }

  /**
   * Factors a symmetric m x m covariance (row-major), adding jitter relative to its diagonal when
   * the plain factorisation fails, and logs when it had to.
   *
   * @return the factor, or empty when every attempt failed (the caller must handle it explicitly)
   */
  static Optional<Cholesky.Jittered> factor(double[] k, int m) {
    Optional<Cholesky.Jittered> f =
        Cholesky.ofWithRelativeJitter(DMatrixRMaj.wrap(m, m, k), FIRST_JITTER, JITTER_TRIES);
    if (f.isEmpty()) {
      LOG.log(Level.WARNING, "GP Cholesky failed even with jitter (n={0})", m);
    } else if (f.get().jitter() > 0) {
      LOG.log(
          Level.FINE, "GP Cholesky needed jitter {0} (n={1})", new Object[] {f.get().jitter(), m});
    }
    return f;
  }

  /**
   * The GP of another output observed at the same inputs with the same kernel: it shares this
   * model's factor (one O(n^2) solve instead of an O(n^3) factorisation), and {@link #posteriors}
   * evaluates both at the cost of one.
   *
   * @param otherY n standardised targets of the other output (not copied)
   */
  GpModel withTargets(double[] otherY) {
    if (otherY.length != n) {
      throw new IllegalArgumentException(
          "otherY must have one target per input (" + n + "), but got " + otherY.length);
    }
    return new GpModel(kernel, x, otherY, factor, jitter);
  }

  /**
   * @return whether {@code other} shares this model's inputs, kernel and factor (see {@link
   *     #withTargets})
   */
  boolean sharesFactorWith(GpModel other) {
    return other.factor == factor && other.x == x && other.kernel == kernel;
  }

  /**
   * The posteriors of models that share one factor ({@link #withTargets}) at one point: the cross
   * covariance, its triangular solves and the variance are computed once, each model adds a dot
   * product (and, with gradients, one pass over the kernel gradients).
   *
   * @param models models sharing the first one's factor
   * @return one posterior per model, in order
   * @throws IllegalArgumentException when a model does not share the first one's factor
   */
  static Posterior[] posteriors(GpModel[] models, double[] point, boolean withGradient) {
    GpModel first = models[0];
    for (GpModel g : models) {
      if (!first.sharesFactorWith(g)) {
        throw new IllegalArgumentException("every model must share the first one's factor");
      }
    }
    int n = first.n;
    double[] ks = first.crossCovariance(point);
    double[] v = first.factor.solveLower(ks);
    double vv = 0;
    for (int i = 0; i < n; i++) {
      vv += v[i] * v[i];
    }
    double variance = Math.max(0.0, first.kernel.signalVariance() - vv);
    Posterior[] out = new Posterior[models.length];
    double[] means = new double[models.length];
    for (int c = 0; c < models.length; c++) {
      double mean = 0;
      double[] a = models[c].alpha;
      for (int i = 0; i < n; i++) {
        mean += ks[i] * a[i];
      }
      means[c] = mean;
    }
    if (!withGradient) {
      for (int c = 0; c < models.length; c++) {
        out[c] = new Posterior(means[c], variance, null, null);
      }
      return out;
    }
    v = first.factor.solveLowerTranspose(v);
    int d = point.length;
    double[] dVar = new double[d];
    double[][] dMeans = new double[models.length][d];
    double[] dk = new double[d];
    double[] unused = new double[d];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(dk, 0.0);
      first.kernel.addGradient(point, first.x[i], 1.0, dk, 0.0, unused);
      for (int j = 0; j < d; j++) {
        dVar[j] += -2.0 * v[i] * dk[j];
      }
      for (int c = 0; c < models.length; c++) {
        double a = models[c].alpha[i];
        double[] dm = dMeans[c];
        for (int j = 0; j < d; j++) {
          dm[j] += a * dk[j];
        }
      }
    }
    for (int c = 0; c < models.length; c++) {
      out[c] = new Posterior(means[c], variance, dMeans[c], c == 0 ? dVar : dVar.clone());
    }
    return out;
  }

  /**
   * Conditions the GP on (X, y) with fixed hyperparameters.
   *
   * @param x n x d inputs in the unit cube (not copied; the caller must not change them)
   * @param y n standardised targets (not copied)
   * @return the model, or empty when the Gram matrix cannot be factored even with jitter
   */
  static Optional<GpModel> fit(Kernel kernel, double[][] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "x and y must have the same length >= 1, but got " + x.length + " and " + y.length);
    }
    return factor(kernel.gram(x), x.length)
        .map(f -> new GpModel(kernel, x, y, f.cholesky(), f.jitter()));
  }

  /**
   * The same GP conditioned on extra observations as well (fantasies of pending points), reusing
   * the factor: an O(n^2 m) update instead of a new O(n^3) factorisation.
   *
   * @return the conditioned model, or empty when the update is not positive definite
   */
  Optional<GpModel> condition(double[][] extraX, double[] extraY) {
    double[][] allX = new double[n + extraX.length][];
    double[] allY = new double[n + extraX.length];
    System.arraycopy(x, 0, allX, 0, n);
    System.arraycopy(extraX, 0, allX, n, extraX.length);
    System.arraycopy(y, 0, allY, 0, n);
    System.arraycopy(extraY, 0, allY, n, extraY.length);
    return extend(allX, allY);
  }

  /**
   * This GP's factor extended to a longer training set whose first {@link #size()} inputs are this
   * model's, with new targets for all: O(n^2 m) for m new rows instead of O(n^3). Used when only
   * data was added since the last suggest and the hyperparameters were kept.
   *
   * @param allX the n + m inputs, starting with this model's n
   * @param allY the n + m standardised targets (they may all differ from this model's)
   * @return the model, or empty when the extension is not positive definite
   */
  Optional<GpModel> extend(double[][] allX, double[] allY) {
    int m = allX.length - n;
    if (m < 0 || allY.length != allX.length) {
      throw new IllegalArgumentException(
          "allX must hold at least the "
              + n
              + " training inputs and allY one target each, but got "
              + allX.length
              + " and "
              + allY.length);
    }
    double[][] extra = java.util.Arrays.copyOfRange(allX, n, allX.length);
    if (m == 0) {
      return Optional.of(new GpModel(kernel, allX, allY, factor, jitter));
    }
    double[] cross = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        cross[i * m + c] = kernel.value(x[i], extra[c]);
      }
    }
    double[] corner = kernel.gram(extra);
    for (int c = 0; c < m; c++) {
      corner[c * m + c] += jitter;
    }
    return factor
        .extend(DMatrixRMaj.wrap(n, m, cross), DMatrixRMaj.wrap(m, m, corner))
        .map(l -> new GpModel(kernel, allX, allY, l, jitter));
  }

  Kernel kernel() {
    return kernel;
  }

  int size() {
    return n;
  }

  double[][] inputs() {
    return x;
  }

  double[] targets() {
    return y;
  }

  /**
   * @return the jitter the factorisation needed (0 when none)
   */
  double jitter() {
    return jitter;
  }

  /**
   * @return k* = k(X, point), an n-vector
   */
  double[] crossCovariance(double[] point) {
    double[] ks = new double[n];
    for (int i = 0; i < n; i++) {
      ks[i] = kernel.value(point, x[i]);
    }
    return ks;
  }

  /**
   * @return v = L^{-1} k*, the whitened cross covariance (used for joint posterior samples)
   */
  double[] whiten(double[] crossCovariance) {
    return factor.solveLower(crossCovariance);
  }

  /**
   * @param point a d-vector in the unit cube
   * @param withGradient whether to compute d mu/dx and d sigma^2/dx (one more triangular solve)
   */
  Posterior posterior(double[] point, boolean withGradient) {
    double[] ks = crossCovariance(point);
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += ks[i] * alpha[i];
    }
    double[] v = factor.solveLower(ks);
    double vv = 0;
    for (int i = 0; i < n; i++) {
      vv += v[i] * v[i];
    }
    double variance = Math.max(0.0, kernel.signalVariance() - vv);
    if (!withGradient) {
      return new Posterior(mean, variance, null, null);
    }
    // beta = K^{-1} k*; d sigma^2/dx = -2 sum_i beta_i dk*_i/dx; d mu/dx = sum_i alpha_i dk*_i/dx.
    v = factor.solveLowerTranspose(v);
    int d = point.length;
    double[] dMean = new double[d];
    double[] dVar = new double[d];
    for (int i = 0; i < n; i++) {
      kernel.addGradient(point, x[i], alpha[i], dMean, -2.0 * v[i], dVar);
    }
    return new Posterior(mean, variance, dMean, dVar);
  }
}
