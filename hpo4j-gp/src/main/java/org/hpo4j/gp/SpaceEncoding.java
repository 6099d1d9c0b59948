package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;

/**
 * Maps the parameters the GP models to points of the unit cube and back, through
 * {@link Distribution#toUnit}/{@link Distribution#fromUnit}: log parameters in log space, integers
 * and stepped floats widened by half a step (each value at the centre of its cell), a categorical
 * at the centre of its choice's cell (only equality matters to the kernel).
 *
 * <p>A dimension is <em>discrete</em> when the acquisition optimizer should enumerate its values:
 * every categorical and every numeric parameter with at most {@link #MAX_ENUMERATED} values; other
 * numeric dimensions are optimised continuously and rounded to their grid at the end.
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

  /** @param space the parameters, in the order of the dimensions (no single-valued ones) */
  SpaceEncoding(Map<String, Distribution> space) {
    this.names = List.copyOf(space.keySet());
    int d = names.size();
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

  /** @return the unit values of a discrete dimension, or null for a continuous one */
  double[] levels(int j) {
    return levels[j];
  }

  boolean isDiscrete(int j) {
    return levels[j] != null;
  }

  /** @return the unit point of a trial's internal values, or null when one is missing */
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

  /** @return u moved in place onto the grid of every gridded dimension (continuous floats unchanged) */
  double[] snap(double[] u) {
    for (int j = 0; j < u.length; j++) {
      u[j] = Math.max(0.0, Math.min(1.0, u[j]));
      if (gridded[j]) {
        u[j] = distributions[j].toUnit(distributions[j].fromUnit(u[j]));
      }
    }
    return u;
  }

  /** @return the internal values of a unit point, by parameter name in dimension order */
  Map<String, Double> decode(double[] u) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < u.length; j++) {
      out.put(names.get(j), distributions[j].fromUnit(Math.max(0.0, Math.min(1.0, u[j]))));
    }
    return out;
  }

  /** @return the indices of the continuous dimensions */
  int[] continuousDimensions() {
    List<Integer> c = new ArrayList<>();
    for (int j = 0; j < levels.length; j++) {
      if (levels[j] == null) {
        c.add(j);
      }
    }
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  /** @return the distribution of dimension j */
  Distribution distribution(int j) {
    return distributions[j];
  }
}
