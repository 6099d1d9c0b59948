package org.hpo4j.pruner;

import java.util.Arrays;
import org.hpo4j.math.Normal;

/**
 * One-sided Wilcoxon signed-rank test of H0 "the paired differences d are symmetric about 0"
 * against H1 "they tend to be positive".
 *
 * <p>Notation: n = number of differences; ranks 1..n of |d_i| with tied magnitudes given their
 * average rank; zeros are kept and their rank is split half to each side ("zsplit"), so that equal
 * runs do not shrink the sample; W = sum of the ranks of the positive d_i plus half the ranks of
 * the zero ones. The p-value P(W' &gt;= W) under H0 is exact (enumerating the 2^n sign patterns by
 * dynamic programming over rank sums) when there are no ties, no zeros and n &lt;= 50; otherwise
 * the normal approximation with tie-corrected variance and continuity correction is used.
 * Stateless.
 */
final class SignedRankTest {
  private static final int EXACT_MAX = 50;

  private SignedRankTest() {}

  /**
   * @param d the paired differences, n &gt;= 1, all finite
   * @return the one-sided p-value, in [0, 1]
   */
  static double pGreater(double[] d) {
    int n = d.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
    double[] rank = new double[n];
    boolean ties = false;
    double tieTerm = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
        j++;
      }
      double avg = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = avg;
      }
      int t = j - i + 1;
      if (t > 1) {
        ties = true;
        tieTerm += (double) t * t * t - t;
      }
      i = j + 1;
    }
    double w = 0;
    boolean zeros = false;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        w += rank[i];
      } else if (d[i] == 0) {
        w += rank[i] / 2;
        zeros = true;
      }
    }
    if (!ties && !zeros && n <= EXACT_MAX) {
      return exactUpper(n, (int) Math.round(w));
    }
    double mean = n * (n + 1) / 4.0;
    double var = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
    if (var <= 0) {
      return 0.5; // every difference has the same magnitude and sign balance is all there is
    }
    double z = (w - mean - 0.5) / Math.sqrt(var);
    return Normal.cdf(-z);
  }

  /** P(W &gt;= w) for the rank sum W of a uniformly random sign pattern over ranks 1..n. */
  private static double exactUpper(int n, int w) {
    int max = n * (n + 1) / 2;
    double[] count = new double[max + 1];
    count[0] = 1;
    for (int r = 1; r <= n; r++) {
      for (int s = max; s >= r; s--) {
        count[s] += count[s - r];
      }
    }
    double tail = 0;
    for (int s = Math.max(w, 0); s <= max; s++) {
      tail += count[s];
    }
    return Math.min(1.0, tail / Math.pow(2, n));
  }
}
