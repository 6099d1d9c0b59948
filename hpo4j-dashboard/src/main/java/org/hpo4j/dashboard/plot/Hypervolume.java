package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of a set of points under minimisation: the measure of the region they dominate
 * and that dominates the reference point r. Two objectives by one sweep (O(n log n)); more by
 * slicing along the last objective into (m-1)-dimensional problems (Hypervolume by Slicing
 * Objectives, While et al. 2006), O(n^(m-1) log n): fine for interactive fronts with m &lt;= 4.
 *
 * <p>Notation: points are m-vectors of losses; points not strictly better than r in every
 * objective contribute nothing. Stateless and thread-safe.
 */
public final class Hypervolume {
  private Hypervolume() {}

  /**
   * @param points m-vectors of losses (not modified)
   * @param reference the m-vector r
   * @return the hypervolume, 0 for no point
   * @throws IllegalArgumentException when a point's length differs from r's
   */
  public static double of(List<double[]> points, double[] reference) {
    int m = reference.length;
    List<double[]> in = new ArrayList<>();
    for (double[] p : points) {
      requireArgument(p.length == m, "every point must have %s objectives, but got %s", m, p.length);
      boolean inside = true;
      for (int i = 0; i < m && inside; i++) {
        inside = p[i] < reference[i];
      }
      if (inside) {
        in.add(p);
      }
    }
    return slice(in, reference, m);
  }

  private static double slice(List<double[]> points, double[] r, int m) {
    if (points.isEmpty()) {
      return 0;
    }
    if (m == 1) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return r[0] - best;
    }
    if (m == 2) {
      double[][] s = points.toArray(new double[0][]);
      Arrays.sort(s, Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
      double hv = 0;
      double prevY = r[1];
      for (double[] p : s) {
        if (p[1] < prevY) {
          hv += (r[0] - p[0]) * (prevY - p[1]);
          prevY = p[1];
        }
      }
      return hv;
    }
    int k = m - 1;
    double[][] s = points.toArray(new double[0][]);
    Arrays.sort(s, Comparator.comparingDouble((double[] p) -> p[k]));
    double hv = 0;
    List<double[]> below = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      below.add(s[i]);
      double top = i + 1 < s.length ? s[i + 1][k] : r[k];
      double depth = top - s[i][k];
      if (depth > 0) {
        hv += depth * slice(below, r, k);
      }
    }
    return hv;
  }
}
