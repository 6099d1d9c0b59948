package org.hpo4j.pruner;

import java.util.Arrays;

/** Small order statistics shared by the percentile-style pruners. Stateless. */
final class Stats {
  private Stats() {}

  /**
   * The q-th percentile (0 &lt;= q &lt;= 100) of {@code xs} by linear interpolation between the
   * closest ranks: position q/100 * (n - 1) in the sorted values.
   *
   * @throws IllegalArgumentException when xs is empty
   */
  static double percentile(double[] xs, double q) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("percentile of an empty sample is undefined");
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    double pos = q / 100.0 * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    double frac = pos - lo;
    if (frac == 0.0 || s[lo] == s[hi]) {
      return s[lo];
    }
    if (Double.isInfinite(s[lo]) || Double.isInfinite(s[hi])) {
      return frac < 0.5 ? s[lo] : s[hi]; // interpolating through an infinity would give NaN
    }
    return s[lo] + frac * (s[hi] - s[lo]);
  }
}
