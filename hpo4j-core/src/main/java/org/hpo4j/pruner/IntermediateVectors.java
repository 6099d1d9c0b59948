package org.hpo4j.pruner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpo4j.trial.FrozenTrial;

/**
 * Reads the intermediate vectors a trial reported with {@code Trial.report(step, double[])}: the
 * system attribute {@code intermediate_vectors}, a map from the step (a decimal string, or any
 * number after a JSON round trip) to a list of numbers. A single-objective trial without vectors
 * reads as its scalar intermediate values, each a 1-vector. Stateless.
 */
public final class IntermediateVectors {
  /** The system attribute key written by {@code Trial.report(int, double[])}. */
  public static final String KEY = "intermediate_vectors";

  private IntermediateVectors() {}

  /**
   * @param objectives the study's number of objectives
   * @return the trial's intermediate vectors by step; a stored entry of another length is skipped
   */
  public static SortedMap<Integer, List<Double>> of(FrozenTrial trial, int objectives) {
    SortedMap<Integer, List<Double>> out = new TreeMap<>();
    Object raw = trial.systemAttrs().get(KEY);
    if (raw instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Integer step = step(e.getKey());
        List<Double> v = vector(e.getValue());
        if (step != null && v != null && v.size() == objectives) {
          out.put(step, v);
        }
      }
    } else if (objectives == 1) {
      trial.intermediateValues().forEach((k, v) -> out.put(k, List.of(v)));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The vector at one step, without reading the others: what a pruner needs of each earlier trial.
   *
   * @return the trial's vector at {@code step}, or null when it reported none of that length there
   */
  public static List<Double> at(FrozenTrial trial, int step, int objectives) {
    Object raw = trial.systemAttrs().get(KEY);
    if (raw instanceof Map<?, ?> m) {
      Object v = m.get(Integer.toString(step));
      if (v == null) {
        boolean canonical = m.isEmpty() || m.keySet().iterator().next() instanceof String;
        return canonical
            ? null
            : of(trial, objectives).get(step); // numeric keys after a JSON round trip
      }
      List<Double> out = vector(v);
      return out != null && out.size() == objectives ? out : null;
    }
    if (objectives == 1) {
      Double v = trial.intermediateValues().get(step);
      return v == null ? null : List.of(v);
    }
    return null;
  }

  /**
   * @return a stored number as a double, also from the strings JSON writers use for non-finite
   *     values ("Infinity", "-Infinity", "NaN"); null when it is neither
   */
  static Double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      try {
        return Double.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Integer step(Object key) {
    if (key instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(String.valueOf(key).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<Double> vector(Object value) {
    if (!(value instanceof List<?> l)) {
      return null;
    }
    List<Double> out = new ArrayList<>(l.size());
    for (Object o : l) {
      Double d = number(o);
      if (d == null) {
        return null;
      }
      out.add(d);
    }
    return List.copyOf(out);
  }
}
