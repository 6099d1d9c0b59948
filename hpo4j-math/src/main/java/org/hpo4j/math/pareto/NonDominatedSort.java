package org.hpo4j.math.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts points into Pareto fronts: rank 0 holds the non-dominated points, rank 1 those dominated
 * only by rank 0, and so on. Every objective is a loss (minimised); callers turn maximised values
 * into losses first (see {@code StudyDirection.asLoss} in hpo4j-core).
 *
 * <p>Notation: {@code losses} is n x m (n points, m objectives); {@code violations} is an n-vector
 * of total constraint violation, 0 for a feasible point.
 *
 * <p>Two objectives use the O(n log n) sweep (sort by the first loss, then place each point on the
 * first front whose last member does not dominate it, found by binary search); more objectives use
 * the fast non-dominated sort of Deb et al., "A fast and elitist multiobjective genetic algorithm:
 * NSGA-II" (IEEE TEC 2002), O(m n^2). Equal points share a rank.
 *
 * <p>Stateless and thread-safe.
 */
public final class NonDominatedSort {
  private NonDominatedSort() {}

  /**
   * @return whether loss vector {@code a} dominates {@code b}: no worse anywhere, better somewhere
   */
  public static boolean dominates(double[] a, double[] b) {
    boolean strictly = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      strictly |= a[i] < b[i];
    }
    return strictly;
  }

  /**
   * @param losses n x m loss vectors, every row of the same length m &gt;= 1, no NaN
   * @return the rank of each point, 0 for the non-dominated front
   * @throws IllegalArgumentException for ragged rows or NaN
   */
  public static int[] ranks(double[][] losses) {
    int n = losses.length;
    if (n == 0) {
      return new int[0];
    }
    int m = losses[0].length;
    for (int i = 0; i < n; i++) {
      if (losses[i].length != m || m < 1) {
        throw new IllegalArgumentException(
            "every point needs the same number (>= 1) of objectives, but point "
                + i
                + " has "
                + losses[i].length
                + " and point 0 has "
                + m);
      }
      for (double v : losses[i]) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException(
              "losses must not be NaN, but point " + i + " is " + Arrays.toString(losses[i]));
        }
      }
    }
    if (m == 1) {
      return ranks1(losses);
    }
    return m == 2 ? ranks2(losses) : ranksDeb(losses);
  }

  /**
   * Constrained ranks (Deb 2002, constrained domination): feasible points first, ranked by Pareto
   * dominance; then infeasible points, ranked by total violation alone (equal violations share a
   * rank), each above every feasible rank.
   *
   * @param violations n-vector, &gt;= 0, 0 meaning feasible
   * @throws IllegalArgumentException when the lengths differ or a violation is negative or NaN
   */
  public static int[] ranks(double[][] losses, double[] violations) {
    if (violations.length != losses.length) {
      throw new IllegalArgumentException(
          "violations needs one entry per point ("
              + losses.length
              + "), but got "
              + violations.length);
    }
    List<Integer> feasible = new ArrayList<>();
    List<Integer> infeasible = new ArrayList<>();
    for (int i = 0; i < violations.length; i++) {
      if (!(violations[i] >= 0)) {
        throw new IllegalArgumentException(
            "violations must be >= 0, but point " + i + " has " + violations[i]);
      }
      (violations[i] == 0 ? feasible : infeasible).add(i);
    }
    int[] out = new int[losses.length];
    double[][] f = new double[feasible.size()][];
    for (int k = 0; k < f.length; k++) {
      f[k] = losses[feasible.get(k)];
    }
    int[] fr = ranks(f);
    int next = 0;
    for (int k = 0; k < f.length; k++) {
      out[feasible.get(k)] = fr[k];
      next = Math.max(next, fr[k] + 1);
    }
    infeasible.sort(Comparator.comparingDouble(i -> violations[i]));
    double previous = Double.NaN;
    int rank = next - 1;
    for (int i : infeasible) {
      if (violations[i] != previous) {
        rank++;
        previous = violations[i];
      }
      out[i] = rank;
    }
    return out;
  }

  /**
   * @return the indices of each front, best first; every index appears exactly once
   */
  public static List<int[]> fronts(int[] ranks) {
    int max = -1;
    for (int r : ranks) {
      max = Math.max(max, r);
    }
    int[] sizes = new int[max + 1];
    for (int r : ranks) {
      sizes[r]++;
    }
    List<int[]> fronts = new ArrayList<>();
    int[] fill = new int[max + 1];
    for (int r = 0; r <= max; r++) {
      fronts.add(new int[sizes[r]]);
    }
    for (int i = 0; i < ranks.length; i++) {
      fronts.get(ranks[i])[fill[ranks[i]]++] = i;
    }
    fronts.removeIf(a -> a.length == 0);
    return fronts;
  }

  private static int[] ranks1(double[][] losses) {
    Integer[] order = sortedBy(losses);
    int[] out = new int[losses.length];
    int rank = -1;
    double previous = Double.NaN;
    for (int i : order) {
      if (losses[i][0] != previous) {
        rank++;
        previous = losses[i][0];
      }
      out[i] = rank;
    }
    return out;
  }

  /** Two objectives: sweep in (f0, f1) order; the tails of the fronts have increasing f1. */
  private static int[] ranks2(double[][] losses) {
    Integer[] order = sortedBy(losses);
    int[] out = new int[losses.length];
    List<double[]> tails = new ArrayList<>();
    for (int i : order) {
      double[] p = losses[i];
      int lo = 0;
      int hi = tails.size();
      while (lo < hi) { // first front whose tail does not dominate p
        int mid = (lo + hi) >>> 1;
        if (dominates(tails.get(mid), p)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == tails.size()) {
        tails.add(p);
      } else {
        tails.set(lo, p);
      }
      out[i] = lo;
    }
    return out;
  }

  private static int[] ranksDeb(double[][] losses) {
    int n = losses.length;
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(losses[i], losses[j])) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(losses[j], losses[i])) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    int[] out = new int[n];
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    int rank = 0;
    while (!current.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        out[i] = rank;
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      current = next;
      rank++;
    }
    return out;
  }

  private static Integer[] sortedBy(double[][] losses) {
    Integer[] order = new Integer[losses.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(losses[a][0], losses[b][0]);
          return c != 0
              ? c
              : Double.compare(losses[a][losses[a].length - 1], losses[b][losses[b].length - 1]);
        });
    return order;
  }
}
