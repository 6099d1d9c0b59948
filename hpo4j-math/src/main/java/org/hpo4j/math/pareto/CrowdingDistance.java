package org.hpo4j.math.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The crowding distance of NSGA-II (Deb et al. 2002, section III-B): for each point of one front,
 * the sum over objectives of the normalised gap between its two neighbours along that objective.
 * The extreme points of every objective get {@code +Infinity}, so selection keeps the ends of the
 * front; an objective on which the front is flat adds nothing.
 *
 * <p>Notation: {@code front} is n x m loss vectors of one front. Stateless and thread-safe.
 */
public final class CrowdingDistance {
  private CrowdingDistance() {}

  /**
   * @param front n x m loss vectors, usually one non-dominated front
   * @return the n crowding distances; all infinite when n &lt;= 2
   */
  public static double[] of(double[][] front) {
    int n = front.length;
    double[] d = new double[n];
    if (n <= 2) {
      Arrays.fill(d, Double.POSITIVE_INFINITY);
      return d;
    }
    int m = front[0].length;
    Integer[] order = new Integer[n];
    for (int k = 0; k < m; k++) {
      final int obj = k;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> front[i][obj]));
      double lo = front[order[0]][k];
      double hi = front[order[n - 1]][k];
      d[order[0]] = Double.POSITIVE_INFINITY;
      d[order[n - 1]] = Double.POSITIVE_INFINITY;
      if (!(hi > lo) || Double.isInfinite(hi - lo)) {
        continue;
      }
      for (int i = 1; i < n - 1; i++) {
        d[order[i]] += (front[order[i + 1]][k] - front[order[i - 1]][k]) / (hi - lo);
      }
    }
    return d;
  }
}
