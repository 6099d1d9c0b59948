package org.hpo4j.sampler;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Evaluates every point of an explicit grid once, in a seeded random order, then reports itself
 * exhausted so the study stops. A point counts as taken when a trial of this sampler claimed it or
 * when any stored trial (of an earlier run of the study) has exactly its values, so a resumed study
 * continues where it stopped.
 *
 * <p>Thread-safe: the study starts trials under one lock, and claims are kept per trial id.
 */
public final class GridSampler implements Sampler {
  private final List<String> names;
  private final List<List<Object>> values;
  private final int[] order;
  private final long size;
  private final Map<Long, Integer> claims = new ConcurrentHashMap<>();

  /**
   * @return a builder; without {@link Builder#seed} every sampler built orders its points afresh
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings of a {@link GridSampler}: the values of each parameter, and the seed. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, List<?>> grid = new LinkedHashMap<>();
    private Long seed;

    private Builder() {}

    /**
     * Adds the values of every parameter of {@code grid}, in the order the grid enumerates them.
     */
    public Builder grid(Map<String, ? extends List<?>> grid) {
      org.hpo4j.Checks.requireNonNull(grid, "grid").forEach(this::param);
      return this;
    }

    /** Adds one parameter's values; user values, as the objective suggests them. */
    public Builder param(String name, List<?> values) {
      requireArgument(name != null && !name.isEmpty(), "grid parameter names must be non-empty");
      grid.put(name, values);
      return this;
    }

    /** Seed of the order in which the points are visited (default: a fresh one per sampler). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a parameter has no values or the grid is too large
     */
    public GridSampler build() {
      return new GridSampler(grid, seed == null ? SeededStreams.freshSeed() : seed);
    }
  }

  private GridSampler(Map<String, ? extends List<?>> grid, long seed) {
    requireArgument(grid != null && !grid.isEmpty(), "the grid needs at least one parameter");
    names = new ArrayList<>(grid.keySet());
    values = new ArrayList<>();
    long n = 1;
    for (String name : names) {
      List<?> v = grid.get(name);
      requireArgument(
          v != null && !v.isEmpty(), "grid values must be non-empty for '%s', but got %s", name, v);
      values.add(List.copyOf(v));
      n *= v.size();
      requireArgument(
          n <= 10_000_000, "the grid has more than 10,000,000 points; use another sampler");
    }
    size = n;
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(seed));
    order = idx.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @return the number of grid points
   */
  public long size() {
    return size;
  }

  /**
   * @return the user values of grid point {@code index}
   */
  public Map<String, Object> point(int index) {
    Map<String, Object> p = new LinkedHashMap<>();
    long rest = index;
    for (int d = names.size() - 1; d >= 0; d--) {
      int k = values.get(d).size();
      p.put(names.get(d), values.get(d).get((int) (rest % k)));
      rest /= k;
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    names.forEach(nm -> ordered.put(nm, p.get(nm)));
    return ordered;
  }

  private int indexOf(FrozenTrial t) {
    long index = 0;
    for (int d = 0; d < names.size(); d++) {
      Object v = t.param(names.get(d));
      if (v == null) {
        return -1;
      }
      int k = indexIn(values.get(d), v);
      if (k < 0) {
        return -1;
      }
      index = index * values.get(d).size() + k;
    }
    return (int) index;
  }

  private static int indexIn(List<Object> choices, Object v) {
    for (int i = 0; i < choices.size(); i++) {
      Object c = choices.get(i);
      if (c.equals(v)
          || (c instanceof Number a
              && v instanceof Number b
              && a.doubleValue() == b.doubleValue())) {
        return i;
      }
    }
    return -1;
  }

  private BitSet taken(StudyView study) {
    BitSet taken = new BitSet();
    for (FrozenTrial t : study.trials()) {
      Integer claimed = claims.get(t.id());
      int i = claimed != null ? claimed : t.state() == TrialState.FAIL ? -1 : indexOf(t);
      if (i >= 0) {
        taken.set(i);
      }
    }
    return taken;
  }

  @Override
  public synchronized void beforeTrial(StudyView study, FrozenTrial trial) {
    BitSet taken = taken(study);
    for (int i : order) {
      if (!taken.get(i)) {
        claims.put(trial.id(), i);
        return;
      }
    }
    // Exhausted yet asked (ask() outside optimize): revisit in the same order.
    claims.put(trial.id(), order[(int) (trial.number() % size)]);
  }

  @Override
  public synchronized boolean isExhausted(StudyView study) {
    return taken(study).cardinality() >= size;
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    int d = names.indexOf(name);
    requireArgument(d >= 0, "parameter '%s' is not in the grid, which has %s", name, names);
    Integer index = claims.get(trial.id());
    if (index == null) {
      throw new IllegalStateException(
          "trial " + trial.number() + " has no grid point; it did not start through this sampler");
    }
    Object value = point(index).get(name);
    if (distribution instanceof CategoricalDistribution c) {
      int i = c.indexOf(value);
      requireArgument(
          i >= 0, "grid value %s of '%s' is not among its choices %s", value, name, c.choices());
      return i;
    }
    requireArgument(value instanceof Number, "grid value %s of '%s' is not a number", value, name);
    double x = ((Number) value).doubleValue();
    requireArgument(
        distribution.contains(x), "grid value %s of '%s' is outside %s", value, name, distribution);
    return x;
  }

  @Override
  public void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    if (state == TrialState.FAIL) {
      claims.remove(trial.id());
    }
  }

  @Override
  public String toString() {
    return "GridSampler(" + size + " points over " + names + ")";
  }
}
