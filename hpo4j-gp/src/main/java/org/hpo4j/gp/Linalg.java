package org.hpo4j.gp;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The dense linear algebra of the GP over EJML: Cholesky with explicit jitter-and-retry, triangular
 * solves, and appending rows to a factor when only data was added. Matrices are n x n row-major
 * {@code double[]}; L is lower triangular with K = L L^T.
 *
 * <p>Stateless and thread-safe.
 */
final class Linalg {
  private static final Logger LOG = Logger.getLogger(Linalg.class.getName());

  /** Jitter relative to the mean diagonal tried after a plain factorisation fails: 1e-9, 1e-8, ... 1e-4. */
  static final double FIRST_JITTER = 1e-9;
  static final int JITTER_TRIES = 6;

  private Linalg() {}

  /**
   * A Cholesky factor of K + jitter I.
   *
   * @param lower the n x n lower factor, row-major
   * @param jitter the diagonal term that had to be added (0 when none)
   */
  record Factor(double[] lower, int n, double jitter) {}

  /** @return the factor of K (not modified), or empty when K holds a non-finite value or is not PD */
  static Optional<double[]> cholesky(double[] k, int n) {
    for (double v : k) {
      if (!Double.isFinite(v)) {
        return Optional.empty();
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    System.arraycopy(k, 0, a.data, 0, n * n);
    CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
    if (!chol.decompose(a)) {
      return Optional.empty();
    }
    double[] l = chol.getT(null).data;
    for (int i = 0; i < n; i++) {
      double d = l[i * n + i];
      if (!(d > 0) || !Double.isFinite(d)) {
        return Optional.empty();
      }
    }
    return Optional.of(l);
  }

  /**
   * Factors K, adding jitter {@code FIRST_JITTER * mean(diag K)}, ten times more, ... when the plain
   * factorisation fails, and logs when it had to.
   *
   * @return the factor, or empty when every attempt failed (the caller must handle it explicitly)
   */
  static Optional<Factor> choleskyWithJitter(double[] k, int n) {
    Optional<double[]> plain = cholesky(k, n);
    if (plain.isPresent()) {
      return Optional.of(new Factor(plain.get(), n, 0.0));
    }
    double meanDiag = 0;
    for (int i = 0; i < n; i++) {
      meanDiag += k[i * n + i] / n;
    }
    double jitter = FIRST_JITTER * (meanDiag > 0 && Double.isFinite(meanDiag) ? meanDiag : 1.0);
    double[] kj = k.clone();
    for (int t = 0; t < JITTER_TRIES; t++, jitter *= 10) {
      for (int i = 0; i < n; i++) {
        kj[i * n + i] = k[i * n + i] + jitter;
      }
      Optional<double[]> l = cholesky(kj, n);
      if (l.isPresent()) {
        LOG.log(Level.FINE, "GP Cholesky needed jitter {0} (n={1})", new Object[] {jitter, n});
        return Optional.of(new Factor(l.get(), n, jitter));
      }
    }
    LOG.log(Level.WARNING, "GP Cholesky failed even with jitter up to {0} (n={1})", new Object[] {jitter / 10, n});
    return Optional.empty();
  }

  /** Solves L v = b in place. */
  static void solveLower(double[] l, int n, double[] b) {
    TriangularSolver_DDRM.solveL(l, b, n);
  }

  /** Solves L^T v = b in place. */
  static void solveLowerTranspose(double[] l, int n, double[] b) {
    TriangularSolver_DDRM.solveTranL(l, b, n);
  }

  /** @return K^{-1} b from the factor of K, b unchanged */
  static double[] solve(double[] l, int n, double[] b) {
    double[] v = b.clone();
    solveLower(l, n, v);
    solveLowerTranspose(l, n, v);
    return v;
  }

  /** @return K^{-1} (n x n, row-major) from the factor of K */
  static double[] inverse(double[] l, int n) {
    double[] inv = new double[n * n];
    TriangularSolver_DDRM.invertLower(l, inv, n);
    // K^{-1} = L^{-T} L^{-1} = sum over rows r of L^{-1} of r^T r; row k is zero past k. Rows are
    // read contiguously and only the lower triangle is accumulated.
    double[] out = new double[n * n];
    for (int k = 0; k < n; k++) {
      int rk = k * n;
      for (int i = 0; i <= k; i++) {
        double a = inv[rk + i];
        if (a == 0) {
          continue;
        }
        int ri = i * n;
        for (int j = 0; j <= i; j++) {
          out[ri + j] += a * inv[rk + j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        out[j * n + i] = out[i * n + j];
      }
    }
    return out;
  }

  /** @return sum of log L_ii = log det(K) / 2 */
  static double halfLogDet(double[] l, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.log(l[i * n + i]);
    }
    return s;
  }

  /**
   * Extends the factor of K (n x n) to the factor of [[K, B], [B^T, C]] in O(n^2 m + m^3): the rank-m
   * update used when only data was added and the hyperparameters are kept.
   *
   * @param cross the n x m block B, row-major
   * @param corner the m x m block C, row-major (noise and jitter already on its diagonal)
   * @return the (n+m) x (n+m) factor, or empty when the new block is not positive definite
   */
  static Optional<double[]> append(double[] l, int n, double[] cross, double[] corner, int m) {
    int t = n + m;
    double[] out = new double[t * t];
    for (int i = 0; i < n; i++) {
      System.arraycopy(l, i * n, out, i * t, i + 1);
    }
    // Rows n..n+m-1: left part W^T with L W = B, then the factor of C - W^T W.
    double[] col = new double[n];
    double[] w = new double[m * n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        col[i] = cross[i * m + c];
      }
      solveLower(l, n, col);
      System.arraycopy(col, 0, w, c * n, n);
      System.arraycopy(col, 0, out, (n + c) * t, n);
    }
    double[] s = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += w[a * n + i] * w[b * n + i];
        }
        double v = corner[a * m + b] - dot;
        s[a * m + b] = v;
        s[b * m + a] = v;
      }
    }
    Optional<double[]> ls = cholesky(s, m);
    if (ls.isEmpty()) {
      return Optional.empty();
    }
    for (int a = 0; a < m; a++) {
      System.arraycopy(ls.get(), a * m, out, (n + a) * t + n, a + 1);
    }
    return Optional.of(out);
  }
}
