package org.hpo4j.sampler.moo;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;

/**
 * The parameters of trials as arrays indexed by parameter, so that a sampler reading one parameter
 * of every trial pays an array access per trial instead of two map look-ups. A finished trial never
 * changes, so its row is built once and kept by trial id; an unfinished one is read afresh.
 *
 * <p>Thread-safe.
 */
final class ParamRows {
  private final Map<String, Integer> index = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger next =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Map<Long, Row> rows = new ConcurrentHashMap<>();
  private final Map<Distribution, Distribution> canonical = new ConcurrentHashMap<>();

  /**
   * One trial's internal values by parameter index (NaN where absent) and their distributions.
   * Indices past the end of the arrays are parameters the trial does not have.
   */
  record Row(double[] values, Distribution[] distributions) {
    /**
     * @return the internal value of parameter {@code i} when distributed as {@code d}, else NaN
     */
    double get(int i, Distribution d) {
      if (i >= values.length) {
        return Double.NaN;
      }
      Distribution own = distributions[i];
      return own == d || (own != null && own.equals(d)) ? values[i] : Double.NaN;
    }
  }

  /**
   * @return the index of parameter {@code name}, assigned on first sight
   */
  int indexOf(String name) {
    return index.computeIfAbsent(name, k -> next.getAndIncrement());
  }

  /**
   * @return one shared instance per distinct distribution, so that rows compare by identity first
   */
  Distribution canonical(Distribution d) {
    return d == null ? null : canonical.computeIfAbsent(d, k -> k);
  }

  Row row(FrozenTrial t) {
    if (t.state().isFinished()) {
      return rows.computeIfAbsent(t.id(), id -> build(t));
    }
    return build(t);
  }

  private Row build(FrozenTrial t) {
    int size = 0;
    int[] at = new int[t.internalParams().size()];
    int k = 0;
    for (String name : t.internalParams().keySet()) {
      at[k] = indexOf(name);
      size = Math.max(size, at[k++] + 1);
    }
    double[] values = new double[size];
    Arrays.fill(values, Double.NaN);
    Distribution[] dists = new Distribution[size];
    k = 0;
    for (Map.Entry<String, Double> e : t.internalParams().entrySet()) {
      values[at[k]] = e.getValue();
      dists[at[k++]] = canonical(t.distributions().get(e.getKey()));
    }
    return new Row(values, dists);
  }
}
