package org.hpo4j.sampler.moo;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the k best of n points with several losses, as multi-objective TPE's good/bad split
 * needs (Ozaki, Tanigaki, Watanabe and Onishi, "Multiobjective tree-structured Parzen estimator
 * for computationally expensive optimization problems", GECCO 2020): whole non-dominated fronts
 * (constrained ranks: feasible first) while they fit, then, from the front that does not fit, a
 * greedy hypervolume subset: repeatedly the point that adds the most hypervolume to the points
 * already chosen from that front.
 *
 * <p>Notation: {@code losses} n x m, {@code violations} n (0 = feasible). The reference point of
 * the greedy step is the worst loss of the critical front plus a tenth of its range in each
 * objective, so that every point of the front contributes. Stateless and thread-safe.
 */
public final class BestSubset {
  private BestSubset() {}

  /**
   * @param k how many to choose, 0 &lt;= k &lt;= n
   * @return the indices of the chosen points, the better fronts first
   * @throws IllegalArgumentException when k is out of range or the arrays disagree
   */
  public static int[] select(double[][] losses, double[] violations, int k) {
    requireArgument(k >= 0 && k <= losses.length, "k must be in [0, %s], but got %s", losses.length, k);
    int[] ranks = NonDominatedSort.ranks(losses, violations);
    List<Integer> chosen = new ArrayList<>();
    for (int[] front : NonDominatedSort.fronts(ranks)) {
      if (chosen.size() == k) {
        break;
      }
      if (chosen.size() + front.length <= k) {
        for (int i : front) {
          chosen.add(i);
        }
      } else {
        chosen.addAll(greedyHypervolume(losses, front, k - chosen.size()));
      }
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  /** @return the first k points of {@code front} in greedy hypervolume order. */
  static List<Integer> greedyHypervolume(double[][] losses, int[] front, int k) {
    int m = losses[front[0]].length;
    double[] ref = new double[m];
    for (int a = 0; a < m; a++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i : front) {
        lo = Math.min(lo, losses[i][a]);
        hi = Math.max(hi, losses[i][a]);
      }
      ref[a] = hi + 0.1 * (hi - lo) + 1e-12 * Math.max(1, Math.abs(hi));
    }
    List<Integer> picked = new ArrayList<>();
    List<double[]> pickedPoints = new ArrayList<>();
    boolean[] used = new boolean[front.length];
    double base = 0;
    while (picked.size() < k) {
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < front.length; j++) {
        if (used[j]) {
          continue;
        }
        pickedPoints.add(losses[front[j]]);
        double gain = Hypervolume.of(pickedPoints, ref) - base;
        pickedPoints.remove(pickedPoints.size() - 1);
        if (gain > bestGain) {
          bestGain = gain;
          best = j;
        }
      }
      used[best] = true;
      picked.add(front[best]);
      pickedPoints.add(losses[front[best]]);
      base += bestGain;
    }
    return picked;
  }
}
