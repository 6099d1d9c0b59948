package org.hpo4j.rl;

import java.util.SplittableRandom;

/**
 * The learned reward model F of the paper's Algorithm 1: an MLP n-64-64-1 with tanh hidden units
 * and a sigmoid output, fitted by full-batch Adam (lr 1e-3, 300 epochs) on mean squared error plus
 * 1e-4 times the squared weights [ours; a later paper by the authors calls F an MLP].
 *
 * <p>Notation: X is m x n (one row per real trial: its action vector u, absent parameters = 0), y
 * an m-vector of targets in [0, 1]. Immutable after {@link #fit}; safe to share read-only.
 */
final class RewardModel {
  static final int WIDTH = 64;
  private final int n;
  // layout: W1 (64 x n), b1 (64), W2 (64 x 64), b2 (64), w3 (64), b3 (1)
  private final double[] theta;
  private final int o1;
  private final int ob1;
  private final int o2;
  private final int ob2;
  private final int o3;
  private final int ob3;

  private RewardModel(int n, long seed) {
    this.n = n;
    int off = 0;
    o1 = off;
    off += WIDTH * n;
    ob1 = off;
    off += WIDTH;
    o2 = off;
    off += WIDTH * WIDTH;
    ob2 = off;
    off += WIDTH;
    o3 = off;
    off += WIDTH;
    ob3 = off;
    off += 1;
    theta = new double[off];
    SplittableRandom rng = new SplittableRandom(seed);
    fillUniform(rng, o1, ob1, Math.sqrt(6.0 / (n + WIDTH)));
    fillUniform(rng, o2, ob2, Math.sqrt(6.0 / (2 * WIDTH)));
    fillUniform(rng, o3, ob3, Math.sqrt(6.0 / (WIDTH + 1)));
  }

  private void fillUniform(SplittableRandom rng, int from, int to, double bound) {
    for (int k = from; k < to; k++) {
      theta[k] = (2 * rng.nextDouble() - 1) * bound;
    }
  }

  /**
   * Fits F on (X, y).
   *
   * @throws IllegalArgumentException if X is empty, ragged, or y has a different length
   * @throws ArithmeticException if the fit diverges to non-finite weights
   */
  static RewardModel fit(double[][] x, double[] y, int epochs, long seed) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "X and y must be non-empty and of equal length, but got "
              + x.length
              + " and "
              + y.length);
    }
    int n = x[0].length;
    for (double[] row : x) {
      if (row.length != n) {
        throw new IllegalArgumentException(
            "every row of X must have length " + n + ", but got " + row.length);
      }
    }
    RewardModel f = new RewardModel(n, seed);
    Adam adam = new Adam(f.theta.length, 1e-3);
    double[] grad = new double[f.theta.length];
    for (int e = 0; e < epochs; e++) {
      java.util.Arrays.fill(grad, 0.0);
      for (int i = 0; i < x.length; i++) {
        f.accumulate(x[i], y[i], 1.0 / x.length, grad);
      }
      for (int k = 0; k < grad.length; k++) {
        if (k < f.ob1 || (k >= f.o2 && k < f.ob2) || (k >= f.o3 && k < f.ob3)) {
          grad[k] += 2e-4 * f.theta[k];
        }
      }
      adam.step(f.theta, grad);
    }
    for (double v : f.theta) {
      if (!Double.isFinite(v)) {
        throw new ArithmeticException("reward model fit diverged (non-finite weight)");
      }
    }
    return f;
  }

  /** F(x) in (0, 1). x: an n-vector. */
  double predict(double[] x) {
    double[] a1 = layer1(x);
    double[] a2 = layer2(a1);
    return Policy.sigmoid(out(a2));
  }

  int inputSize() {
    return n;
  }

  /** R^2 = 1 - SSE / SST of the predictions on (X, y); -infinity if y is constant and F misses. */
  double rSquared(double[][] x, double[] y) {
    double mean = 0.0;
    for (double v : y) {
      mean += v / y.length;
    }
    double sse = 0.0;
    double sst = 0.0;
    for (int i = 0; i < y.length; i++) {
      double d = y[i] - predict(x[i]);
      sse += d * d;
      sst += (y[i] - mean) * (y[i] - mean);
    }
    if (sst == 0.0) {
      return sse == 0.0 ? 1.0 : Double.NEGATIVE_INFINITY;
    }
    return 1.0 - sse / sst;
  }

  private double[] layer1(double[] x) {
    double[] a = new double[WIDTH];
    for (int j = 0; j < WIDTH; j++) {
      a[j] = Math.tanh(theta[ob1 + j] + Vec.dot(theta, o1 + j * n, x, 0, n));
    }
    return a;
  }

  private double[] layer2(double[] a1) {
    double[] a = new double[WIDTH];
    for (int j = 0; j < WIDTH; j++) {
      a[j] = Math.tanh(theta[ob2 + j] + Vec.dot(theta, o2 + j * WIDTH, a1, 0, WIDTH));
    }
    return a;
  }

  private double out(double[] a2) {
    return theta[ob3] + Vec.dot(theta, o3, a2, 0, WIDTH);
  }

  /** Adds scale * d/dtheta (F(x) - y)^2 to grad. */
  private void accumulate(double[] x, double y, double scale, double[] grad) {
    double[] a1 = layer1(x);
    double[] a2 = layer2(a1);
    double p = Policy.sigmoid(out(a2));
    double dz = scale * 2.0 * (p - y) * p * (1.0 - p);
    grad[ob3] += dz;
    double[] d2 = new double[WIDTH];
    for (int k = 0; k < WIDTH; k++) {
      grad[o3 + k] += dz * a2[k];
      d2[k] = dz * theta[o3 + k] * (1.0 - a2[k] * a2[k]);
    }
    double[] d1 = new double[WIDTH];
    for (int j = 0; j < WIDTH; j++) {
      double g = d2[j];
      grad[ob2 + j] += g;
      int w = o2 + j * WIDTH;
      Vec.axpy(g, a1, 0, grad, w, WIDTH);
      Vec.axpy(g, theta, w, d1, 0, WIDTH);
    }
    for (int j = 0; j < WIDTH; j++) {
      double g = d1[j] * (1.0 - a1[j] * a1[j]);
      grad[ob1 + j] += g;
      Vec.axpy(g, x, 0, grad, o1 + j * n, n);
    }
  }
}
