package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.trial.FrozenTrial;

/**
 * Maps the parameters the GP models to points of the unit cube and back, through {@link
 * Distribution#toUnit}/{@link Distribution#fromUnit}: log parameters in log space, integers and
 * stepped floats widened by half a step (each value at the centre of its cell), a categorical at
 * the centre of its choice's cell (only equality matters to the kernel).
 *
 * <p>A dimension is <em>discrete</em> when the acquisition optimizer should enumerate its values:
 * every categorical and every numeric parameter with at most {@link #MAX_ENUMERATED} values; other
 * numeric dimensions are optimised continuously and rounded to their grid at the end.
 *
 * <p><b>Conditional parameters</b> ({@link SpaceTree}) encode as NaN where a trial lacks them. The
 * acquisition optimizer works on complete points (every dimension has a value) and {@link #mask}s
 * them before the GP sees them: a child whose parent is absent or has another value becomes NaN, so
 * a proposal never carries a parameter without its parent.
 *
 * <p>Immutable and thread-safe.
 */
final class SpaceEncoding {
  /** Numeric parameters with at most this many values are searched exhaustively. */
  static final int MAX_ENUMERATED = 16;

  private final List<String> names;
  private final Distribution[] distributions;
  private final boolean[] categorical;
  private final double[][] levels;
  private final boolean[] gridded;
  private final boolean[] conditional;

  /** Dimension of the parent of a conditional dimension, or -1. */
  private final int[] parent;

  private final Set<Double>[] parentValues;
  private final boolean anyParent;

  /**
   * @param space the parameters, in the order of the dimensions (no single-valued ones), none
   *     conditional
   */
  SpaceEncoding(Map<String, Distribution> space) {
    this(new SpaceTree(space, Map.of()), List.copyOf(space.keySet()));
  }

  /**
   * @param tree the parameters in parents-first order, with their conditions
   */
  SpaceEncoding(SpaceTree tree) {
    this(tree, tree.topologicalOrder());
  }

  @SuppressWarnings("unchecked")
  private SpaceEncoding(SpaceTree tree, List<String> order) {
    Map<String, Distribution> space = tree.space();
    this.names = List.copyOf(order);
    int d = names.size();
    this.conditional = new boolean[d];
    this.parent = new int[d];
    this.parentValues = new Set[d];
    boolean withParent = false;
    for (int j = 0; j < d; j++) {
      SpaceTree.Condition c = tree.conditions().get(names.get(j));
      conditional[j] = c != null;
      parent[j] = c == null || c.parent() == null ? -1 : names.indexOf(c.parent());
      parentValues[j] = c == null ? Set.of() : c.values();
      withParent |= parent[j] >= 0;
    }
    this.anyParent = withParent;
    this.distributions = new Distribution[d];
    this.categorical = new boolean[d];
    this.levels = new double[d][];
    this.gridded = new boolean[d];
    for (int j = 0; j < d; j++) {
      Distribution dist = space.get(names.get(j));
      distributions[j] = dist;
      categorical[j] = dist instanceof CategoricalDistribution;
      gridded[j] = !(dist instanceof FloatDistribution f && f.step() == null);
      long card = dist.cardinality();
      if (categorical[j] || card <= MAX_ENUMERATED) {
        levels[j] = new double[(int) card];
        for (int k = 0; k < card; k++) {
          levels[j][k] = dist.toUnit(dist.fromUnit((k + 0.5) / card));
        }
      }
    }
  }

  int dimension() {
    return names.size();
  }

  List<String> names() {
    return names;
  }

  boolean[] categorical() {
    return categorical.clone();
  }

  /**
   * @return what identifies this encoding for a cache: names, distributions, conditions
   */
  List<Object> cacheKey() {
    List<Object> key = new ArrayList<>(names);
    for (int j = 0; j < names.size(); j++) {
      key.add(distributions[j]);
      key.add(conditional[j] ? List.of(parent[j], parentValues[j]) : List.of());
    }
    return key;
  }

  boolean[] conditional() {
    return conditional.clone();
  }

  /**
   * @return the unit point of a trial (NaN where a conditional parameter is absent), or null when
   *     another one is
   */
  double[] encode(FrozenTrial t) {
    double[] u = new double[names.size()];
    for (int j = 0; j < u.length; j++) {
      Double v = SpaceTree.internal(t, names.get(j), distributions[j]);
      if (v == null) {
        if (!conditional[j]) {
          return null;
        }
        u[j] = Double.NaN;
      } else {
        u[j] = Math.max(0.0, Math.min(1.0, distributions[j].toUnit(v)));
      }
    }
    return u;
  }

  /**
   * @return u itself when no dimension has a parent, else a copy in which every conditional
   *     dimension whose parent is absent or has a value outside its condition is NaN
   */
  double[] mask(double[] u) {
    if (!anyParent) {
      return u;
    }
    double[] m = u.clone();
    for (int j = 0; j < m.length; j++) {
      int p = parent[j];
      if (p >= 0
          && (Double.isNaN(m[p]) || !parentValues[j].contains(distributions[p].fromUnit(m[p])))) {
        m[j] = Double.NaN;
      }
    }
    return m;
  }

  /**
   * @return u in place with every NaN replaced by a uniform draw on its dimension's grid
   */
  double[] fill(double[] u, SplittableRandom rng) {
    for (int j = 0; j < u.length; j++) {
      if (Double.isNaN(u[j])) {
        u[j] = levels[j] != null ? levels[j][rng.nextInt(levels[j].length)] : rng.nextDouble();
      }
    }
    return snap(u);
  }

  /**
   * @return the unit values of a discrete dimension, or null for a continuous one
   */
  double[] levels(int j) {
    return levels[j];
  }

  boolean isDiscrete(int j) {
    return levels[j] != null;
  }

  /**
   * @return the unit point of a trial's internal values, or null when one is missing
   */
  double[] encode(Map<String, Double> params) {
    double[] u = new double[names.size()];
    for (int j = 0; j < u.length; j++) {
      Double v = params.get(names.get(j));
      if (v == null) {
        return null;
      }
      u[j] = distributions[j].toUnit(v);
    }
    return u;
  }

  /**
   * @return u moved in place onto the grid of every gridded dimension (continuous floats unchanged)
   */
  double[] snap(double[] u) {
    for (int j = 0; j < u.length; j++) {
      if (Double.isNaN(u[j])) {
        continue;
      }
      u[j] = Math.max(0.0, Math.min(1.0, u[j]));
      if (gridded[j]) {
        u[j] = distributions[j].toUnit(distributions[j].fromUnit(u[j]));
      }
    }
    return u;
  }

  /**
   * @return the internal values of a unit point, by parameter name in dimension order (NaN
   *     dimensions left out)
   */
  Map<String, Double> decode(double[] u) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < u.length; j++) {
      if (Double.isNaN(u[j])) {
        continue;
      }
      out.put(names.get(j), distributions[j].fromUnit(Math.max(0.0, Math.min(1.0, u[j]))));
    }
    return out;
  }

  /**
   * @return the dimensions that are the parent of another (categorical, hence discrete)
   */
  int[] parentDimensions() {
    return Arrays.stream(parent).filter(p -> p >= 0).distinct().sorted().toArray();
  }

  /**
   * @return the indices of the continuous dimensions
   */
  int[] continuousDimensions() {
    List<Integer> c = new ArrayList<>();
    for (int j = 0; j < levels.length; j++) {
      if (levels[j] == null) {
        c.add(j);
      }
    }
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @return the distribution of dimension j
   */
  Distribution distribution(int j) {
    return distributions[j];
  }
}
