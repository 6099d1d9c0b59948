package org.hpo4j.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpo4j.space.Distribution;

/**
 * The finished observations of a {@link History} as primitive columns indexed by slot (the order
 * the history first read them): rank keys, and per parameter its values (NaN where absent), which
 * of the parameter's distinct distributions each slot has, and its slots by ascending value. A
 * suggest reads these arrays front to back instead of chasing one object per trial, and compares
 * small ints instead of distributions, which is what kept its cost from growing faster than the
 * study.
 *
 * <p>Append-only: {@link #freeze} hands out the arrays themselves with the current size, and later
 * appends write only past that size (or into fresh arrays when they grow), so a frozen view never
 * changes. Not thread-safe; {@link History} guards it.
 */
final class Columns {
  private int size;
  private int[] number;
  private boolean[] pruned;
  private int[] step;
  private double[] loss;
  private final List<Param> params = new ArrayList<>();

  Columns() {
    clear();
  }

  /** One parameter's columns. */
  private static final class Param {
    double[] values;

    /** Index into {@link #distinct} by slot; null while there is only one distribution. */
    int[] kind;

    final List<Distribution> distinct = new ArrayList<>();
    int[] count = new int[2];
    final History.Ints byValue = new History.Ints();

    Param(int capacity) {
      values = new double[capacity];
      Arrays.fill(values, Double.NaN);
    }

    void grow(int capacity) {
      int old = values.length;
      values = Arrays.copyOf(values, capacity);
      Arrays.fill(values, old, capacity, Double.NaN);
      if (kind != null) {
        kind = Arrays.copyOf(kind, capacity);
      }
    }
  }

  /**
   * A frozen view: the first {@code size} slots of every column.
   *
   * @param values per parameter, values by slot
   * @param kind per parameter, distribution index by slot, or null when the parameter has one
   * @param distinct per parameter, its distinct distributions
   * @param count per parameter, how many slots have each distinct distribution
   * @param byValue per parameter, the slots having it by ascending value
   */
  record Frozen(
      int size,
      int[] number,
      boolean[] pruned,
      int[] step,
      double[] loss,
      double[][] values,
      int[][] kind,
      Distribution[][] distinct,
      int[][] count,
      int[][] byValue) {

    /**
     * @return the index of {@code d} among parameter {@code param}'s distributions, -1 when no slot
     *     has it
     */
    int distinctIndex(int param, Distribution d) {
      if (param >= distinct.length) {
        return -1;
      }
      Distribution[] ds = distinct[param];
      for (int k = 0; k < ds.length; k++) {
        if (ds[k] == d || ds[k].equals(d)) {
          return k;
        }
      }
      return -1;
    }

    /**
     * @return whether the observation in {@code slot} has parameter {@code param} with distribution
     *     {@code kindIndex}
     */
    boolean has(int slot, int param, int kindIndex) {
      return !Double.isNaN(values[param][slot])
          && (kind[param] == null || kind[param][slot] == kindIndex);
    }
  }

  int size() {
    return size;
  }

  int number(int slot) {
    return number[slot];
  }

  /**
   * @return the values column of parameter {@code param} (valid for the slots added so far)
   */
  double[] values(int param) {
    return params.get(param).values;
  }

  History.Ints byValue(int param) {
    return params.get(param).byValue;
  }

  /**
   * @return the new observation's slot
   */
  int add(Observation o) {
    int slot = size;
    if (slot == number.length) {
      int capacity = 2 * slot;
      number = Arrays.copyOf(number, capacity);
      pruned = Arrays.copyOf(pruned, capacity);
      step = Arrays.copyOf(step, capacity);
      loss = Arrays.copyOf(loss, capacity);
      for (Param p : params) {
        p.grow(capacity);
      }
    }
    number[slot] = o.number();
    pruned[slot] = o.pruned();
    step[slot] = o.step();
    loss[slot] = o.loss();
    double[] v = o.values();
    while (params.size() < v.length) {
      params.add(new Param(number.length));
    }
    for (int j = 0; j < v.length; j++) {
      if (!Double.isNaN(v[j])) {
        Param p = params.get(j);
        p.values[slot] = v[j];
        Distribution d = o.distributions()[j];
        int k = p.distinct.indexOf(d);
        if (k < 0) {
          k = p.distinct.size();
          p.distinct.add(d);
          if (k == 1) {
            p.kind = new int[number.length];
          }
          if (k == p.count.length) {
            p.count = Arrays.copyOf(p.count, 2 * k);
          }
        }
        if (p.kind != null) {
          p.kind[slot] = k;
        }
        p.count[k]++;
      }
    }
    size++;
    return slot;
  }

  /** Rank order of two slots (best first), as {@link Observation#compare}. */
  int compare(int a, int b) {
    if (pruned[a] != pruned[b]) {
      return pruned[a] ? 1 : -1;
    }
    if (pruned[a] && step[a] != step[b]) {
      return Integer.compare(step[b], step[a]);
    }
    int c = Double.compare(loss[a], loss[b]);
    return c != 0 ? c : Integer.compare(number[a], number[b]);
  }

  /** Forgets every observation; views already handed out keep theirs. */
  void clear() {
    size = 0;
    number = new int[16];
    pruned = new boolean[16];
    step = new int[16];
    loss = new double[16];
    params.clear();
  }

  Frozen freeze() {
    int d = params.size();
    double[][] values = new double[d][];
    int[][] kind = new int[d][];
    Distribution[][] distinct = new Distribution[d][];
    int[][] count = new int[d][];
    int[][] byValue = new int[d][];
    for (int j = 0; j < d; j++) {
      Param p = params.get(j);
      values[j] = p.values;
      kind[j] = p.kind;
      distinct[j] = p.distinct.toArray(new Distribution[0]);
      count[j] = Arrays.copyOf(p.count, distinct[j].length);
      byValue[j] = p.byValue.toArray();
    }
    return new Frozen(size, number, pruned, step, loss, values, kind, distinct, count, byValue);
  }
}
