package org.hpo4j.rl;

/** Small dense-vector kernels for the hand-written networks. Stateless. */
final class Vec {
  private Vec() {}

  /**
   * sum_k a[aOff + k] * b[bOff + k] for k < n, with four accumulators for instruction-level
   * parallelism.
   */
  static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += a[aOff + k] * b[bOff + k];
      s1 += a[aOff + k + 1] * b[bOff + k + 1];
      s2 += a[aOff + k + 2] * b[bOff + k + 2];
      s3 += a[aOff + k + 3] * b[bOff + k + 3];
    }
    for (; k < n; k++) {
      s0 += a[aOff + k] * b[bOff + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** y[yOff + k] += alpha * x[xOff + k] for k < n. */
  static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int k = 0; k < n; k++) {
      y[yOff + k] += alpha * x[xOff + k];
    }
  }
}
