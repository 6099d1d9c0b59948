package org.hpo4j.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.hpo4j.space.Distribution;

/**
 * The history as one suggest sees it: finished observations in rank order, the running trials
 * (constant liars) and the parameter groups. Splits the observations of a set of parameters into
 * the good ("below", modelled by l) and the bad ("above", modelled by g).
 *
 * <p>Immutable; thread-safe.
 */
final class Snapshot {
  /** Past this many observations per side, older ones are down-weighted linearly. */
  static final int RECENT = 25;

  private final Observation[] ranked;
  private final Map<String, Integer> index;
  private final List<Map<String, Distribution>> groups;
  private final List<Map<String, Distribution>> intersection;
  private final List<Observation> running;

  Snapshot(Observation[] ranked, Map<String, Integer> index, List<Map<String, Distribution>> groups,
      List<Map<String, Distribution>> intersection, List<Observation> running) {
    this.ranked = ranked;
    this.index = index;
    this.groups = groups;
    this.intersection = intersection;
    this.running = running;
  }

  Snapshot withRunning(List<Observation> liars) {
    return new Snapshot(ranked, index, groups, intersection, List.copyOf(liars));
  }

  /** @return the number of COMPLETE and PRUNED trials */
  int finishedCount() {
    return ranked.length;
  }

  /** @return the parameter groups to sample jointly: co-occurring groups, or the one intersection */
  List<Map<String, Distribution>> groups(boolean grouped) {
    return grouped ? groups : intersection;
  }

  /**
   * The good/bad split of the observations that have every parameter of a group (with the same
   * distributions): the first gamma(m) in rank order are good; the rest, and (with the liar) every
   * running trial having those parameters, are bad.
   *
   * @return null when no finished trial has the group
   */
  Split split(String[] names, Axis[] axes, IntUnaryOperator gamma, boolean constantLiar) {
    int d = names.length;
    int[] idx = new int[d];
    for (int j = 0; j < d; j++) {
      Integer i = index.get(names[j]);
      if (i == null) {
        return null;
      }
      idx[j] = i;
    }
    List<Observation> having = new ArrayList<>(ranked.length);
    for (Observation o : ranked) {
      if (hasAll(o, idx, axes)) {
        having.add(o);
      }
    }
    if (having.isEmpty()) {
      return null;
    }
    int m = having.size();
    int nBelow = Math.max(1, Math.min(m, gamma.applyAsInt(m)));
    List<Observation> below = having.subList(0, nBelow);
    List<Observation> above = new ArrayList<>(m - nBelow + (constantLiar ? running.size() : 0));
    above.addAll(having.subList(nBelow, m));
    if (constantLiar) {
      for (Observation o : running) {
        if (hasAll(o, idx, axes)) {
          above.add(o);
        }
      }
    }
    return new Split(points(below, idx, axes), weights(below), points(above, idx, axes), weights(above));
  }

  private static boolean hasAll(Observation o, int[] idx, Axis[] axes) {
    for (int j = 0; j < idx.length; j++) {
      if (!o.has(idx[j], axes[j].distribution)) {
        return false;
      }
    }
    return true;
  }

  /** @return d x n axis coordinates, by axis */
  private static double[][] points(List<Observation> obs, int[] idx, Axis[] axes) {
    int n = obs.size();
    double[][] p = new double[idx.length][n];
    for (int i = 0; i < n; i++) {
      double[] v = obs.get(i).values();
      for (int j = 0; j < idx.length; j++) {
        p[j][i] = axes[j].toAxis(v[idx[j]]);
      }
    }
    return p;
  }

  /** Weight 1 for the newest {@link #RECENT}; older ones linearly from 1/n up to 1, oldest least. */
  static double[] weights(List<Observation> obs) {
    int n = obs.size();
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    int old = n - RECENT;
    if (old <= 0) {
      return w;
    }
    // Rank by trial number with a counting pass (numbers are small non-negative ints): O(n + max).
    int max = 0;
    for (Observation o : obs) {
      max = Math.max(max, o.number());
    }
    int[] slot = new int[max + 1];
    java.util.Arrays.fill(slot, -1);
    for (int i = 0; i < n; i++) {
      slot[obs.get(i).number()] = i;
    }
    int r = 0;
    for (int number = 0; number <= max && r < old; number++) {
      int i = slot[number];
      if (i >= 0) {
        w[i] = old == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * r / (old - 1);
        r++;
      }
    }
    return w;
  }

  /**
   * @param below good points in axis coordinates, d x n_below (by axis)
   * @param belowWeights their weights
   * @param above bad points, d x n_above (by axis)
   * @param aboveWeights their weights
   */
  record Split(double[][] below, double[] belowWeights, double[][] above, double[] aboveWeights) {}
}
