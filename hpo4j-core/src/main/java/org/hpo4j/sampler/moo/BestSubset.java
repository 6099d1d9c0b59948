package org.hpo4j.sampler.moo;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.math.pareto.Hypervolume;
import org.hpo4j.math.pareto.NonDominatedSort;

/**
 * Chooses the k best of n points with several losses, as multi-objective TPE's good/bad split needs
 * (Ozaki, Tanigaki, Watanabe and Onishi, "Multiobjective tree-structured Parzen estimator for
 * computationally expensive optimization problems", GECCO 2020): whole non-dominated fronts
 * (constrained ranks: feasible first) while they fit, then, from the front that does not fit, a
 * greedy hypervolume subset: repeatedly the point that adds the most hypervolume to the points
 * already chosen from that front.
 *
 * <p>Notation: {@code losses} n x m, {@code violations} n (0 = feasible). The reference point of
 * the greedy step is {@link #referencePoint} of the critical front. Stateless and thread-safe.
 */
public final class BestSubset {
  private BestSubset() {}

  /**
   * @param k how many to choose, 0 &lt;= k &lt;= n
   * @return the indices of the chosen points, the better fronts first
   * @throws IllegalArgumentException when k is out of range or the arrays disagree
   */
  public static int[] select(double[][] losses, double[] violations, int k) {
    requireArgument(
        k >= 0 && k <= losses.length, "k must be in [0, %s], but got %s", losses.length, k);
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

  /**
   * @return the first k points of {@code front} in greedy hypervolume order: each step takes the
   *     point that adds the most hypervolume to those already taken. Lazy: a point's gain only
   *     shrinks as the chosen set grows (hypervolume is submodular), so a stale gain is an upper
   *     bound and only the point on top needs recomputing.
   */
  static List<Integer> greedyHypervolume(double[][] losses, int[] front, int k) {
    List<double[]> points = new ArrayList<>(front.length);
    for (int i : front) {
      points.add(losses[i]);
    }
    double[] ref = referencePoint(points);
    double[] bound = new double[front.length];
    boolean[] fresh = new boolean[front.length];
    for (int j = 0; j < front.length; j++) {
      bound[j] = Hypervolume.of(List.of(losses[front[j]]), ref);
      fresh[j] = true;
    }
    List<Integer> picked = new ArrayList<>();
    List<double[]> pickedPoints = new ArrayList<>();
    boolean[] used = new boolean[front.length];
    double base = 0;
    while (picked.size() < k) {
      int top = -1;
      for (int j = 0; j < front.length; j++) {
        if (!used[j] && (top < 0 || bound[j] > bound[top])) {
          top = j;
        }
      }
      if (!fresh[top]) {
        pickedPoints.add(losses[front[top]]);
        bound[top] = Hypervolume.of(pickedPoints, ref) - base;
        pickedPoints.remove(pickedPoints.size() - 1);
        fresh[top] = true;
        continue; // take it only if it is still on top
      }
      used[top] = true;
      picked.add(front[top]);
      pickedPoints.add(losses[front[top]]);
      base += bound[top];
      java.util.Arrays.fill(fresh, false);
    }
    return picked;
  }

  /**
   * The reference point of the greedy step and of MOTPE's weights: per objective, the worst loss w
   * scaled away from the points, max(1.1 w, 0.9 w) (as the MOTPE paper's implementation does), or a
   * tiny positive number when w = 0, so that every point of the set contributes. In two objectives
   * only the two extreme points' contributions depend on it (an inner point's exclusive box is
   * bounded by its neighbours); the range-based alternative, worst + 0.1 (worst - best), which
   * ignores where zero is, scored the same within noise on the suite (seeds 0-29).
   */
  static double[] referencePoint(List<double[]> points) {
    int m = points.get(0).length;
    double[] ref = new double[m];
    for (int a = 0; a < m; a++) {
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        hi = Math.max(hi, p[a]);
      }
      ref[a] = hi == 0 ? 1e-12 : Math.max(1.1 * hi, 0.9 * hi);
      if (!Double.isFinite(ref[a])) {
        ref[a] = Double.MAX_VALUE; // an infinite loss then counts as outside the box
      }
    }
    return ref;
  }
}
