package org.hpo4j.math;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The Cholesky factorisation K = L L^T of a symmetric positive-definite matrix, over EJML, with
 * the solves and log-determinant a Gaussian process needs.
 *
 * <p>Notation: K is n x n symmetric positive definite (only its lower triangle is read);
 * L is its lower-triangular factor with positive diagonal; b and x are n-vectors.
 * {@code log det K = 2 sum_i log L_ii}.
 *
 * <p>Failure is explicit: {@link #of} returns empty instead of a factor holding NaN, and
 * {@link #ofWithJitter} reports the diagonal jitter it had to add so the caller can log it.
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
     * @param jitter   the added diagonal term
     */
    public record Jittered(Cholesky cholesky, double jitter) {
    }

    /**
     * Factorises K, which is not modified.
     *
     * @return the factor, or empty if K is not numerically positive definite or holds a non-finite value
     * @throws IllegalArgumentException if K is not square
     */
    public static Optional<Cholesky> of(DMatrixRMaj k) {
        return factor(k, 0.0);
    }

    /**
     * Factorises K, adding jitter to the diagonal if needed: first none, then initialJitter,
     * 10 * initialJitter, ... for at most maxTries jittered attempts.
     *
     * @return the factor and the jitter used, or empty if every attempt failed
     * @throws IllegalArgumentException if K is not square, initialJitter is not finite and &gt; 0, or maxTries &lt; 0
     */
    public static Optional<Jittered> ofWithJitter(DMatrixRMaj k, double initialJitter, int maxTries) {
        if (!(initialJitter > 0 && Double.isFinite(initialJitter))) {
            throw new IllegalArgumentException("initialJitter must be finite and > 0, but got " + initialJitter);
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

    private static Optional<Cholesky> factor(DMatrixRMaj k, double jitter) {
        if (k.numRows != k.numCols) {
            throw new IllegalArgumentException("K must be square, but got " + k.numRows + " x " + k.numCols);
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

    /** X with K X = B for an n x m right-hand side. @throws IllegalArgumentException if B has != n rows */
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

    private double[] checked(double[] b) {
        if (b.length != lower.numRows) {
            throw new IllegalArgumentException("b.length must equal n=" + lower.numRows + ", but got " + b.length);
        }
        return b;
    }
}
