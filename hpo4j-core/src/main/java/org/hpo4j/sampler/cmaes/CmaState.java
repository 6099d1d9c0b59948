package org.hpo4j.sampler.cmaes;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One run of CMA-ES on the unit cube, as in N. Hansen, "The CMA Evolution Strategy: A Tutorial"
 * (arXiv:1604.00772), appendix A, with positive recombination weights only.
 *
 * <p>Notation (the tutorial's): n dimensions; lambda offspring, mu parents, w the mu weights,
 * mu_eff = 1 / sum w^2; m the mean, sigma the step size, C = B D^2 B^T the covariance (B
 * orthonormal, D the vector of axis lengths), p_c and p_sigma the evolution paths; chi_n = E||N(0,
 * I)||. A is the diagonal margin scaling of integer coordinates (see {@link Margin}): a sample is x
 * = m + sigma * A * B (D * z), z ~ N(0, I). In the separable variant (Ros and Hansen, PPSN 2008) C
 * stays diagonal, B = I, and c_1, c_mu grow by (n + 2) / 3.
 *
 * <p>Mutable, not thread-safe: the sampler keeps one instance per replay under its lock.
 */
final class CmaState {
  final int n;
  final int lambda;
  final int mu;
  final boolean separable;
  final boolean active;
  private final double[] w;

  /** lambda - mu negative weights of active CMA (zeros when not active). */
  private final double[] wNeg;

  private final double muEff;
  private final double cSigma;
  private final double dSigma;
  private final double cc;
  private final double c1;
  private final double cMu;
  private final double chiN;

  final double[] mean;
  double sigma;
  final double[][] c;
  final double[][] b;
  final double[] d;
  final double[] a;
  private final double[] pc;
  private final double[] ps;
  int generation;
  private final Deque<Double> bestHistory = new ArrayDeque<>();
  private double lastRange = Double.POSITIVE_INFINITY;

  /**
   * @param mean initial m, n entries in [0, 1]; copied
   * @param sigma initial step size &gt; 0
   * @param cov initial C (n x n, symmetric positive definite), or null for I
   */
  CmaState(double[] mean, double sigma, double[][] cov, int lambda, boolean separable) {
    this(mean, sigma, cov, lambda, separable, false);
  }

  /**
   * @param active also let the worst lambda - mu points shrink C along their directions (active
   *     CMA, tutorial section "Active CMA": negative weights bounded by alpha_mu^-, alpha_mueff^-,
   *     alpha_posdef^-)
   */
  CmaState(
      double[] mean, double sigma, double[][] cov, int lambda, boolean separable, boolean active) {
    this.n = mean.length;
    this.lambda = lambda;
    this.mu = lambda / 2;
    this.separable = separable;
    this.active = active;
    this.mean = mean.clone();
    this.sigma = sigma;
    double[] raw = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) {
      raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
      sum += raw[i];
    }
    w = new double[mu];
    double sq = 0;
    for (int i = 0; i < mu; i++) {
      w[i] = raw[i] / sum;
      sq += w[i] * w[i];
    }
    muEff = 1 / sq;
    cSigma = (muEff + 2) / (n + muEff + 5);
    dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    double c1Full = 2 / ((n + 1.3) * (n + 1.3) + muEff);
    double cMuFull =
        Math.min(1 - c1Full, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
    if (separable) {
      double f = (n + 2) / 3.0;
      c1 = Math.min(1, c1Full * f);
      cMu = Math.min(1 - c1, cMuFull * f);
    } else {
      c1 = c1Full;
      cMu = cMuFull;
    }
    wNeg = new double[lambda - mu];
    if (active && lambda - mu > 0) {
      double negSum = 0;
      double negSq = 0;
      for (int k = 0; k < wNeg.length; k++) {
        wNeg[k] = Math.log((lambda + 1) / 2.0) - Math.log(mu + k + 1);
        negSum += wNeg[k];
        negSq += wNeg[k] * wNeg[k];
      }
      if (negSum < 0) {
        double muEffMinus = negSum * negSum / negSq;
        double bound =
            Math.min(
                1 + c1 / cMu,
                Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (n * cMu)));
        for (int k = 0; k < wNeg.length; k++) {
          wNeg[k] = bound * wNeg[k] / -negSum;
        }
      }
    }
    chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    c = new double[n][n];
    b = new double[n][n];
    d = new double[n];
    a = new double[n];
    pc = new double[n];
    ps = new double[n];
    Arrays.fill(a, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = cov == null ? (i == j ? 1 : 0) : (separable && i != j ? 0 : cov[i][j]);
      }
    }
    if (!decompose()) {
      throw new IllegalArgumentException("the initial covariance is not positive definite");
    }
  }

  /**
   * @return a sample in [0, 1]^n: resampled up to 100 times while outside, then clipped
   */
  double[] sample(RandomGenerator rng) {
    double[] x = new double[n];
    for (int attempt = 0; attempt < 100; attempt++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = d[i] * rng.nextGaussian();
      }
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        double y = 0;
        for (int j = 0; j < n; j++) {
          y += b[i][j] * z[j];
        }
        x[i] = mean[i] + sigma * a[i] * y;
        inside &= x[i] >= 0 && x[i] <= 1;
      }
      if (inside) {
        return x;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i] = Math.max(0, Math.min(1, x[i]));
    }
    return x;
  }

  /**
   * One generation's update from lambda evaluated points.
   *
   * @param xs lambda x n evaluated points in [0, 1]^n
   * @param losses lambda losses (smaller is better), finite
   * @return false when the update broke down numerically (C lost definiteness): restart then
   */
  boolean tell(double[][] xs, double[] losses) {
    Integer[] order = new Integer[lambda];
    for (int i = 0; i < lambda; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(losses[p], losses[q]));
    double[][] y = new double[lambda][n];
    double[] yw = new double[n];
    for (int k = 0; k < lambda; k++) {
      double[] x = xs[order[k]];
      for (int i = 0; i < n; i++) {
        y[k][i] = (x[i] - mean[i]) / (sigma * a[i]);
        if (k < mu) {
          yw[i] += w[k] * y[k][i];
        }
      }
    }
    double[] coef =
        new double
            [lambda]; // w_k, and for active CMA the negative w_k scaled by n / ||C^-1/2 y_k||^2
    double coefSum = 0;
    for (int k = 0; k < lambda; k++) {
      if (k < mu) {
        coef[k] = w[k];
      } else if (wNeg[k - mu] != 0) {
        double[] z = multiplyInverseSqrt(y[k]);
        double norm2 = 0;
        for (double v : z) {
          norm2 += v * v;
        }
        coef[k] = norm2 > 0 ? wNeg[k - mu] * n / norm2 : 0;
      }
      coefSum += k < mu ? w[k] : wNeg[k - mu];
    }
    for (int i = 0; i < n; i++) {
      mean[i] += sigma * a[i] * yw[i];
    }
    double[] invSqrtYw = multiplyInverseSqrt(yw);
    double psNorm = 0;
    double ks = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    for (int i = 0; i < n; i++) {
      ps[i] = (1 - cSigma) * ps[i] + ks * invSqrtYw[i];
      psNorm += ps[i] * ps[i];
    }
    psNorm = Math.sqrt(psNorm);
    generation++;
    boolean hSigma =
        psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * generation))
            < (1.4 + 2.0 / (n + 1)) * chiN;
    double kc = hSigma ? Math.sqrt(cc * (2 - cc) * muEff) : 0;
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + kc * yw[i];
    }
    double delta = hSigma ? 0 : cc * (2 - cc);
    double keep = 1 + c1 * delta - c1 - cMu * coefSum;
    for (int i = 0; i < n; i++) {
      for (int j = separable ? i : 0; j <= (separable ? i : n - 1); j++) {
        double rankMu = 0;
        for (int k = 0; k < lambda; k++) {
          rankMu += coef[k] * y[k][i] * y[k][j];
        }
        c[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
      }
    }
    sigma *= Math.exp(Math.min(1, (cSigma / dSigma) * (psNorm / chiN - 1)));
    double best = losses[order[0]];
    double range = losses[order[lambda - 1]] - best;
    bestHistory.addLast(best);
    if (bestHistory.size() > 10 + (int) Math.ceil(30.0 * n / lambda)) {
      bestHistory.removeFirst();
    }
    lastRange = range;
    return decompose() && Double.isFinite(sigma) && sigma > 0;
  }

  /**
   * @return why this run should stop (its step size collapsed, C is ill-conditioned, or the losses
   *     went flat), or empty to go on
   */
  Optional<String> stagnation() {
    double maxStd = 0;
    double dMax = 0;
    double dMin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      maxStd = Math.max(maxStd, sigma * Math.sqrt(c[i][i]));
      dMax = Math.max(dMax, d[i]);
      dMin = Math.min(dMin, d[i]);
    }
    if (maxStd < 1e-11) {
      return Optional.of("step size collapsed (sigma * max sqrt(C_ii) = " + maxStd + ")");
    }
    if (dMax * dMax > 1e14 * dMin * dMin) {
      return Optional.of("covariance condition number above 1e14");
    }
    int window = 10 + (int) Math.ceil(30.0 * n / lambda);
    if (bestHistory.size() >= window) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : bestHistory) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo < 1e-12 && lastRange < 1e-12) {
        return Optional.of("losses flat over " + window + " generations");
      }
    }
    return Optional.empty();
  }

  /** C^{-1/2} v = B D^{-1} B^T v. */
  private double[] multiplyInverseSqrt(double[] v) {
    double[] t = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][j] * v[i];
      }
      t[j] = s / d[j];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += b[i][j] * t[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** Symmetrises C and refreshes B, D; false when C is not positive definite or not finite. */
  private boolean decompose() {
    if (separable) {
      for (int i = 0; i < n; i++) {
        if (!(c[i][i] > 0) || !Double.isFinite(c[i][i])) {
          return false;
        }
        Arrays.fill(b[i], 0);
        b[i][i] = 1;
        d[i] = Math.sqrt(c[i][i]);
      }
      return true;
    }
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = j == i ? c[i][i] : c[i][j];
        if (!Double.isFinite(v)) {
          return false;
        }
        c[j][i] = v;
        m.set(i, j, v);
        m.set(j, i, v);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(m)) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      double value = eig.getEigenvalue(k).getReal();
      DMatrixRMaj v = eig.getEigenVector(k);
      if (!(value > 0) || v == null) {
        return false;
      }
      d[k] = Math.sqrt(value);
      for (int i = 0; i < n; i++) {
        b[i][k] = v.get(i, 0);
      }
    }
    return true;
  }

  /**
   * @return the marginal standard deviation of coordinate i before the margin scaling
   */
  double marginalStd(int i) {
    return sigma * Math.sqrt(c[i][i]);
  }
}
