package org.hpo4j.math;

/**
 * The last m curvature pairs (s_k = x_{k+1} - x_k, y_k = g_{k+1} - g_k) of an L-BFGS method and the
 * two-loop recursion that applies the implied inverse Hessian H (Nocedal &amp; Wright, Alg. 7.4),
 * restricted to a set of free coordinates. Initial H_0 = gamma I with gamma = s.y / y.y of the
 * newest pair.
 *
 * <p>Not thread-safe: scratch state of one minimisation.
 */
final class LbfgsMemory {
  private final double[][] s;
  private final double[][] y;
  private final double[] rho;
  private final double[] alpha;
  private final int capacity;
  private int size;
  private int newest = -1;

  LbfgsMemory(int capacity, int n) {
    this.capacity = capacity;
    this.s = new double[capacity][n];
    this.y = new double[capacity][n];
    this.rho = new double[capacity];
    this.alpha = new double[capacity];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
    newest = -1;
  }

  /** Stores the pair from (x, g) to (xNew, gNew) if it has enough positive curvature. */
  void add(double[] x, double[] xNew, double[] g, double[] gNew) {
    double sy = 0.0;
    double yy = 0.0;
    for (int i = 0; i < x.length; i++) {
      double si = xNew[i] - x[i];
      double yi = gNew[i] - g[i];
      sy += si * yi;
      yy += yi * yi;
    }
    if (!(sy > 1e-10 * yy) || yy == 0.0) {
      return; // not a usable curvature pair
    }
    int slot = (newest + 1) % capacity;
    for (int i = 0; i < x.length; i++) {
      s[slot][i] = xNew[i] - x[i];
      y[slot][i] = gNew[i] - g[i];
    }
    rho[slot] = 1.0 / sy;
    newest = slot;
    size = Math.min(size + 1, capacity);
  }

  /** q := H q over the free coordinates (q must be 0 elsewhere). */
  void applyInverseHessian(double[] q, boolean[] free) {
    if (size == 0) {
      return;
    }
    int n = q.length;
    for (int k = 0; k < size; k++) {
      int j = Math.floorMod(newest - k, capacity);
      double a = rho[j] * dot(s[j], q, free);
      alpha[j] = a;
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          q[i] -= a * y[j][i];
        }
      }
    }
    double yy = dot(y[newest], y[newest], free);
    double sy = dot(s[newest], y[newest], free);
    double gamma =
        yy > 0 && sy > 0 ? sy / yy : 1.0 / (rho[newest] * dot(y[newest], y[newest], null));
    for (int i = 0; i < n; i++) {
      q[i] *= gamma;
    }
    for (int k = size - 1; k >= 0; k--) {
      int j = Math.floorMod(newest - k, capacity);
      double b = rho[j] * dot(y[j], q, free);
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          q[i] += (alpha[j] - b) * s[j][i];
        }
      }
    }
  }

  private static double dot(double[] a, double[] b, boolean[] free) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      if (free == null || free[i]) {
        sum += a[i] * b[i];
      }
    }
    return sum;
  }
}
