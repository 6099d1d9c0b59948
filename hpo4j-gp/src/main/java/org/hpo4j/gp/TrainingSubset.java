package org.hpo4j.gp;

/**
 * The trials an exact GP is fitted on once a study has more than it can afford: factoring the Gram
 * matrix costs O(n^3) and every posterior O(n^2), so past {@link #MAX} trials the GP sees the best
 * half of that many (where the acquisition's maximum lies, and the incumbent always among them)
 * and, for the other half, a space-filling spread of the rest, chosen greedily farthest-first from
 * what is already taken (the maximin design), so that the model still knows where the space is bad.
 * Up to {@link #MAX} trials nothing changes. Deterministic: ties go to the lower index.
 *
 * <p>Stateless; thread-safe.
 */
final class TrainingSubset {
  /**
   * Largest training set of an exact fit (about 40 ms per factor at 8 parameters on this machine).
   */
  static final int MAX = 400;

  private TrainingSubset() {}

  /**
   * @param x the n encoded inputs
   * @param byLoss the row indices from best to worst loss
   * @param max the subset size
   * @return the rows to fit on, best first, or null when all n &lt;= max of them are kept
   */
  static int[] select(double[][] x, Integer[] byLoss, int max) {
    int n = x.length;
    if (n <= max) {
      return null;
    }
    int[] rows = new int[max];
    boolean[] taken = new boolean[n];
    int best = max / 2;
    for (int r = 0; r < best; r++) {
      rows[r] = byLoss[r];
      taken[byLoss[r]] = true;
    }
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int r = 0; r < best; r++) {
      closer(x, rows[r], taken, nearest);
    }
    for (int r = best; r < max; r++) {
      int far = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (far < 0 || nearest[i] > nearest[far])) {
          far = i;
        }
      }
      rows[r] = far;
      taken[far] = true;
      closer(x, far, taken, nearest);
    }
    return rows;
  }

  /** nearest[i] = min(nearest[i], squared distance from x[i] to x[from]) for the rows not taken. */
  private static void closer(double[][] x, int from, boolean[] taken, double[] nearest) {
    double[] a = x[from];
    for (int i = 0; i < x.length; i++) {
      if (!taken[i]) {
        double[] b = x[i];
        double s = 0;
        for (int j = 0; j < a.length; j++) {
          double t = a[j] - b[j];
          s += t * t;
        }
        nearest[i] = Math.min(nearest[i], s);
      }
    }
  }
}
