package org.hpo4j.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.hpo4j.space.Distribution;

/**
 * The history as one suggest sees it: finished observations in rank order, by slot, by trial number
 * and, per parameter, by value; the running trials (constant liars) and the parameter groups.
 * Splits the observations of a set of parameters into the good ("below", modelled by l) and the bad
 * ("above", modelled by g).
 *
 * <p>Notation: n finished observations; m of them have every parameter of the group being split;
 * each side lists its observations by trial number (oldest first), so the age weights are a ramp
 * over positions; a side's <em>value order</em> on an axis lists its positions by ascending value,
 * read off the history's per-parameter order in O(n) instead of sorting.
 *
 * <p>Immutable apart from a cache of the split of all n observations (the same for every parameter
 * that every trial has, as in a fixed space); thread-safe.
 */
final class Snapshot {
  /** Past this many observations per side, older ones are down-weighted linearly. */
  static final int RECENT = 25;

  private static final byte NONE = 0;
  private static final byte BELOW = 1;
  private static final byte ABOVE = 2;

  private final Columns.Frozen c;
  private final int[] ranked;
  private final int[] byNumber;
  private final Map<String, Integer> index;
  private final List<Map<String, Distribution>> groups;
  private final List<Map<String, Distribution>> intersection;
  private final List<Observation> running;
  private volatile Sides full;

  /**
   * @param columns the finished observations by slot
   * @param ranked their slots in rank order
   * @param byNumber their slots by trial number
   */
  Snapshot(
      Columns.Frozen columns,
      int[] ranked,
      int[] byNumber,
      Map<String, Integer> index,
      List<Map<String, Distribution>> groups,
      List<Map<String, Distribution>> intersection,
      List<Observation> running) {
    this.c = columns;
    this.ranked = ranked;
    this.byNumber = byNumber;
    this.index = index;
    this.groups = groups;
    this.intersection = intersection;
    this.running = running;
  }

  Snapshot withRunning(List<Observation> liars) {
    Snapshot s = new Snapshot(c, ranked, byNumber, index, groups, intersection, List.copyOf(liars));
    s.full = full;
    return s;
  }

  /**
   * @return the number of COMPLETE and PRUNED trials
   */
  int finishedCount() {
    return c.size();
  }

  /**
   * @return the parameter groups to sample jointly: co-occurring groups, or the one intersection
   */
  List<Map<String, Distribution>> groups(boolean grouped) {
    return grouped ? groups : intersection;
  }

  /**
   * Which side each slot is on and its position there.
   *
   * @param gamma the split size it was made with
   * @param side BELOW, ABOVE or NONE by slot
   * @param position position within its side by slot
   */
  private record Sides(
      IntUnaryOperator gamma, byte[] side, int[] position, int nBelow, int nAbove) {}

  /**
   * The good/bad split of the observations that have every parameter of a group (with the same
   * distributions): those among the first gamma(n) of all n in rank order are good; the rest, and
   * (with the liar) every running trial having those parameters, are bad.
   *
   * @return null when no finished trial has the group
   */
  Split split(String[] names, Axis[] axes, IntUnaryOperator gamma, boolean constantLiar) {
    int d = names.length;
    int[] idx = new int[d];
    int[] kind = new int[d];
    for (int j = 0; j < d; j++) {
      Integer i = index.get(names[j]);
      if (i == null) {
        return null;
      }
      idx[j] = i;
      kind[j] = c.distinctIndex(i, axes[j].distribution);
    }
    Sides sides = sides(idx, kind, gamma);
    if (sides == null) {
      return null;
    }
    List<Observation> liars = new ArrayList<>();
    if (constantLiar) {
      for (Observation o : running) {
        if (hasAll(o, idx, axes)) {
          liars.add(o);
        }
      }
    }
    int nb = sides.nBelow;
    int na = sides.nAbove;
    double[][] below = new double[d][nb];
    double[][] above = new double[d][na + liars.size()];
    byte[] side = sides.side;
    int[] position = sides.position;
    for (int j = 0; j < d; j++) {
      double[] column = c.values()[idx[j]];
      double[] to = below[j];
      double[] toAbove = above[j];
      Axis a = axes[j];
      for (int slot : byNumber) {
        byte s = side[slot];
        if (s == BELOW) {
          to[position[slot]] = a.toAxis(column[slot]);
        } else if (s == ABOVE) {
          toAbove[position[slot]] = a.toAxis(column[slot]);
        }
      }
    }
    for (int l = 0; l < liars.size(); l++) {
      double[] v = liars.get(l).values();
      for (int j = 0; j < d; j++) {
        above[j][na + l] = axes[j].toAxis(v[idx[j]]);
      }
    }
    int[][] belowOrder = new int[d][];
    int[][] aboveOrder = new int[d][];
    for (int j = 0; j < d; j++) {
      if (!axes[j].categorical) {
        belowOrder[j] = valueOrder(idx[j], sides, BELOW, nb);
        aboveOrder[j] = liars.isEmpty() ? valueOrder(idx[j], sides, ABOVE, na) : null;
      }
    }
    return new Split(below, weights(nb), belowOrder, above, weights(na + liars.size()), aboveOrder);
  }

  /**
   * @param kind per axis, the index of its distribution among the parameter's, -1 when none has it
   * @return the split of the finished observations having every parameter, or null when none has
   */
  private Sides sides(int[] idx, int[] kind, IntUnaryOperator gamma) {
    Sides cached = full;
    boolean all = allHave(idx, kind);
    if (cached != null && cached.gamma == gamma && all) {
      return cached;
    }
    for (int k : kind) {
      if (k < 0) {
        return null;
      }
    }
    int n = c.size();
    byte[] side = new byte[n];
    int m = 0;
    if (all) {
      m = n;
    } else {
      for (int slot : ranked) {
        if (hasAll(slot, idx, kind)) {
          m++;
        }
      }
    }
    if (m == 0) {
      return null;
    }
    // The split is that of all n observations, restricted to those having the group: a branch's
    // parameters are modelled from its trials that are good overall, not from the best of a branch
    // that may be bad as a whole (that made TPE exploit poor branches of conditional spaces).
    int nBelow = Math.max(1, Math.min(n, gamma.applyAsInt(n)));
    int r = 0;
    for (int slot : ranked) {
      boolean good = r++ < nBelow;
      if (all || hasAll(slot, idx, kind)) {
        side[slot] = good ? BELOW : ABOVE;
      }
    }
    int[] position = new int[n];
    int nb = 0;
    int na = 0;
    for (int slot : byNumber) {
      if (side[slot] == BELOW) {
        position[slot] = nb++;
      } else if (side[slot] == ABOVE) {
        position[slot] = na++;
      }
    }
    Sides s = new Sides(gamma, side, position, nb, na);
    if (m == n) {
      full = s;
    }
    return s;
  }

  /**
   * @return whether every finished observation has every parameter with the axis's distribution
   */
  private boolean allHave(int[] idx, int[] kind) {
    for (int j = 0; j < idx.length; j++) {
      if (kind[j] < 0 || c.count()[idx[j]][kind[j]] != c.size()) {
        return false;
      }
    }
    return true;
  }

  private boolean hasAll(int slot, int[] idx, int[] kind) {
    for (int j = 0; j < idx.length; j++) {
      if (!c.has(slot, idx[j], kind[j])) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return positions of one side's observations by ascending value of parameter {@code param}
   */
  private int[] valueOrder(int param, Sides sides, byte which, int count) {
    int[] order = new int[count];
    int k = 0;
    for (int slot : c.byValue()[param]) {
      if (sides.side[slot] == which) {
        order[k++] = sides.position[slot];
      }
    }
    return k == count ? order : null;
  }

  private static boolean hasAll(Observation o, int[] idx, Axis[] axes) {
    for (int j = 0; j < idx.length; j++) {
      if (!o.has(idx[j], axes[j].distribution)) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return weights of n observations listed oldest first: 1 for the newest {@link #RECENT}; the
   *     older ones linearly from 1/n (oldest) up to 1
   */
  static double[] weights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    int old = n - RECENT;
    for (int r = 0; r < old; r++) {
      w[r] = old == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * r / (old - 1);
    }
    return w;
  }

  /**
   * @param below good points in axis coordinates, d x n_below (by axis), oldest first
   * @param belowWeights their weights
   * @param belowOrder per axis, positions of the good points by ascending value; null for a
   *     categorical axis or when unknown (then the estimator sorts)
   * @param above bad points, d x n_above (by axis)
   * @param aboveWeights their weights
   * @param aboveOrder as belowOrder, for the bad points
   */
  record Split(
      double[][] below,
      double[] belowWeights,
      int[][] belowOrder,
      double[][] above,
      double[] aboveWeights,
      int[][] aboveOrder) {}
}
