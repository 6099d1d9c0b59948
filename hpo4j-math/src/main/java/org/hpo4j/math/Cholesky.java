package org.hpo4j.math;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The Cholesky factorisation K = L L^T of a symmetric positive-definite matrix, over EJML, with the
 * solves and log-determinant a Gaussian process needs.
 *
 * <p>Notation: K is n x n symmetric positive definite (only its lower triangle is read); L is its
 * lower-triangular factor with positive diagonal; b and x are n-vectors. {@code log det K = 2 sum_i
 * log L_ii}.
 *
 * <p>Failure is explicit: {@link #of} returns empty instead of a factor holding NaN, and {@link
 * #ofWithJitter} reports the diagonal jitter it had to add so the caller can log it.
 *
 * <p>Immutable after construction and thread-safe: every method allocates its own result.
 */
public final class Cholesky {
  private final DMatrixRMaj lower;

  private Cholesky(DMatrixRMaj lower) {
    this.lower = lower;
  }

  /**
   * A factor with the jitter that was added to K's diagonal to obtain it (0 when none was needed).
   *
   * @param cholesky the factor of K + jitter I
   * @param jitter the added diagonal term
   */
  public record Jittered(Cholesky cholesky, double jitter) {}

  /**
   * Factorises K, which is not modified.
   *
   * @return the factor, or empty if K is not numerically positive definite or holds a non-finite
   *     value
   * @throws IllegalArgumentException if K is not square
   */
  public static Optional<Cholesky> of(DMatrixRMaj k) {
    return factor(k, 0.0);
  }

  /**
   * Factorises K, adding jitter to the diagonal if needed: first none, then initialJitter, 10 *
   * initialJitter, ... for at most maxTries jittered attempts.
   *
   * @return the factor and the jitter used, or empty if every attempt failed
   * @throws IllegalArgumentException if K is not square, initialJitter is not finite and &gt; 0, or
   *     maxTries &lt; 0
   */
  public static Optional<Jittered> ofWithJitter(DMatrixRMaj k, double initialJitter, int maxTries) {
    if (!(initialJitter > 0 && Double.isFinite(initialJitter))) {
      throw new IllegalArgumentException(
          "initialJitter must be finite and > 0, but got " + initialJitter);
    }
    if (maxTries < 0) {
      throw new IllegalArgumentException("maxTries >= 0 must hold, but got " + maxTries);
    }
    Optional<Cholesky> plain = factor(k, 0.0);
    if (plain.isPresent()) {
      return Optional.of(new Jittered(plain.get(), 0.0));
    }
    double jitter = initialJitter;
    for (int i = 0; i < maxTries; i++, jitter *= 10.0) {
      Optional<Cholesky> attempt = factor(k, jitter);
      if (attempt.isPresent()) {
        return Optional.of(new Jittered(attempt.get(), jitter));
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #ofWithJitter}, with the first jitter relative to K's scale: {@code relativeJitter}
   * times the mean of K's diagonal (times 1 when that mean is not finite and &gt; 0). A kernel
   * matrix's scale is its signal variance, so an absolute jitter would be too small for one study
   * and swamp the data of another.
   *
   * @throws IllegalArgumentException as {@link #ofWithJitter}
   */
  public static Optional<Jittered> ofWithRelativeJitter(
      DMatrixRMaj k, double relativeJitter, int maxTries) {
    int n = k.numRows;
    double meanDiagonal = 0;
    for (int i = 0; i < n; i++) {
      meanDiagonal += k.unsafe_get(i, i) / n;
    }
    double scale = meanDiagonal > 0 && Double.isFinite(meanDiagonal) ? meanDiagonal : 1.0;
    return ofWithJitter(k, relativeJitter * scale, maxTries);
  }

  private static Optional<Cholesky> factor(DMatrixRMaj k, double jitter) {
    if (k.numRows != k.numCols) {
      throw new IllegalArgumentException(
          "K must be square, but got " + k.numRows + " x " + k.numCols);
    }
    int n = k.numRows;
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = k.unsafe_get(i, j);
        if (!Double.isFinite(v)) {
          return Optional.empty();
        }
        a.unsafe_set(i, j, v);
        a.unsafe_set(j, i, v);
      }
      a.unsafe_set(i, i, a.unsafe_get(i, i) + jitter);
    }
    CholeskyDecompositionInner_DDRM decomposition = new CholeskyDecompositionInner_DDRM(true);
    if (!decomposition.decompose(a)) {
      return Optional.empty();
    }
    DMatrixRMaj l = decomposition.getT(null);
    for (int i = 0; i < n; i++) {
      double d = l.unsafe_get(i, i);
      if (!(d > 0) || !Double.isFinite(d)) {
        return Optional.empty();
      }
    }
    for (double v : l.data) {
      if (!Double.isFinite(v)) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cholesky(l));
  }

  /** n, the order of K. */
  public int size() {
    return lower.numRows;
  }

  /** A copy of L (n x n, zero above the diagonal). */
  public DMatrixRMaj lower() {
    return lower.copy();
  }

  /** L_ij without copying. */
  public double get(int i, int j) {
    return lower.get(i, j);
  }

  /** log det K = 2 sum log L_ii. */
  public double logDeterminant() {
    double sum = 0.0;
    for (int i = 0; i < lower.numRows; i++) {
      sum += Math.log(lower.unsafe_get(i, i));
    }
    return 2.0 * sum;
  }

  /** x with L x = b. @throws IllegalArgumentException if b.length != n */
  public double[] solveLower(double[] b) {
    double[] x = checked(b).clone();
    TriangularSolver_DDRM.solveL(lower.data, x, lower.numRows);
    return x;
  }

  /** x with L^T x = b. @throws IllegalArgumentException if b.length != n */
  public double[] solveLowerTranspose(double[] b) {
    double[] x = checked(b).clone();
    TriangularSolver_DDRM.solveTranL(lower.data, x, lower.numRows);
    return x;
  }

  /** x with K x = b (two triangular solves). @throws IllegalArgumentException if b.length != n */
  public double[] solve(double[] b) {
    double[] x = checked(b).clone();
    TriangularSolver_DDRM.solveL(lower.data, x, lower.numRows);
    TriangularSolver_DDRM.solveTranL(lower.data, x, lower.numRows);
    return x;
  }

  /**
   * X with K X = B for an n x m right-hand side. @throws IllegalArgumentException if B has != n
   * rows
   */
  public DMatrixRMaj solve(DMatrixRMaj b) {
    int n = lower.numRows;
    if (b.numRows != n) {
      throw new IllegalArgumentException("B must have " + n + " rows, but got " + b.numRows);
    }
    DMatrixRMaj x = new DMatrixRMaj(n, b.numCols);
    double[] column = new double[n];
    for (int c = 0; c < b.numCols; c++) {
      for (int i = 0; i < n; i++) {
        column[i] = b.unsafe_get(i, c);
      }
      TriangularSolver_DDRM.solveL(lower.data, column, n);
      TriangularSolver_DDRM.solveTranL(lower.data, column, n);
      for (int i = 0; i < n; i++) {
        x.unsafe_set(i, c, column[i]);
      }
    }
    return x;
  }

  /**
   * K^{-1} (n x n) = L^{-T} L^{-1}, symmetric; for the gradient of a GP's log marginal likelihood.
   */
  public DMatrixRMaj inverse() {
    int n = lower.numRows;
    double[] inv = new double[n * n];
    TriangularSolver_DDRM.invertLower(lower.data, inv, n);
    // K^{-1} = sum over the rows r of L^{-1} of r^T r; row k is zero past column k. Rows are read
    // contiguously and only the lower triangle is accumulated, then mirrored.
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
    return DMatrixRMaj.wrap(n, n, out);
  }

  /**
   * The factor of the bordered matrix [[K, B], [B^T, C]] from this factor of K, in O(n^2 m + m^3)
   * instead of O((n + m)^3): for rows appended to a GP's training set with its hyperparameters
   * kept.
   *
   * @param cross B, n x m
   * @param corner C, m x m symmetric (any noise and jitter already on its diagonal)
   * @return the (n + m) x (n + m) factor, or empty when C - B^T K^{-1} B is not positive definite
   * @throws IllegalArgumentException if B is not n x m or C not m x m
   */
  public Optional<Cholesky> extend(DMatrixRMaj cross, DMatrixRMaj corner) {
    int n = lower.numRows;
    int m = corner.numRows;
    if (cross.numRows != n || cross.numCols != m || corner.numCols != m) {
      throw new IllegalArgumentException(
          "B must be "
              + n
              + " x "
              + m
              + " and C "
              + m
              + " x "
              + m
              + ", but got "
              + cross.numRows
              + " x "
              + cross.numCols
              + " and "
              + corner.numRows
              + " x "
              + corner.numCols);
    }
    int t = n + m;
    double[] out = new double[t * t];
    for (int i = 0; i < n; i++) {
      System.arraycopy(lower.data, i * n, out, i * t, i + 1);
    }
    // Rows n..n+m-1: on the left W^T with L W = B, on the right the factor of C - W^T W.
    double[] column = new double[n];
    double[] w = new double[m * n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        column[i] = cross.unsafe_get(i, c);
      }
      TriangularSolver_DDRM.solveL(lower.data, column, n);
      System.arraycopy(column, 0, w, c * n, n);
      System.arraycopy(column, 0, out, (n + c) * t, n);
    }
    DMatrixRMaj schur = new DMatrixRMaj(m, m);
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += w[a * n + i] * w[b * n + i];
        }
        double v = corner.unsafe_get(a, b) - dot;
        schur.unsafe_set(a, b, v);
        schur.unsafe_set(b, a, v);
      }
    }
    Optional<Cholesky> schurFactor = of(schur);
    if (schurFactor.isEmpty()) {
      return Optional.empty();
    }
    DMatrixRMaj ls = schurFactor.get().lower;
    for (int a = 0; a < m; a++) {
      System.arraycopy(ls.data, a * m, out, (n + a) * t + n, a + 1);
    }
    return Optional.of(new Cholesky(DMatrixRMaj.wrap(t, t, out)));
  }

  private double[] checked(double[] b) {
    if (b.length != lower.numRows) {
      throw new IllegalArgumentException(
          "b.length must equal n=" + lower.numRows + ", but got " + b.length);
    }
    return b;
  }
}
