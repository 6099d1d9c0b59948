package org.hpo4j.ml.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replays given parameter values; see {@link Suggester#fixed(Map)}. Not thread-safe. */
final class FixedSuggester implements Suggester {
  private final Map<String, Object> params;
  private final Map<String, Object> attrs = new LinkedHashMap<>();

  FixedSuggester(Map<String, ?> params) {
    this.params = new LinkedHashMap<>(params);
  }

  private Object get(String name) {
    Object v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(String.format(
          "parameter '%s' is needed but not given; given are %s", name, params.keySet()));
    }
    return v;
  }

  @Override
  public double suggestFloat(String name, double low, double high, boolean log) {
    Object v = get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(
          String.format("parameter '%s' must be a number, but got '%s'", name, v));
    }
    double d = n.doubleValue();
    if (!(d >= low && d <= high)) {
      throw new IllegalArgumentException(String.format(
          "parameter '%s' must be in [%s, %s], but got %s", name, low, high, d));
    }
    return d;
  }

  @Override
  public long suggestInt(String name, long low, long high, boolean log) {
    Object v = get(name);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(
          String.format("parameter '%s' must be an integer, but got '%s'", name, v));
    }
    long l = n.longValue();
    if (l < low || l > high) {
      throw new IllegalArgumentException(String.format(
          "parameter '%s' must be in [%d, %d], but got %d", name, low, high, l));
    }
    return l;
  }

  @Override
  public <T> T suggestCategorical(String name, List<T> choices) {
    Object v = get(name);
    for (T c : choices) {
      if (c.equals(v) || String.valueOf(c).equals(String.valueOf(v))
          || (c instanceof Number a && v instanceof Number b
              && a.doubleValue() == b.doubleValue())) {
        return c;
      }
    }
    throw new IllegalArgumentException(String.format(
        "parameter '%s' must be one of %s, but got '%s'", name, choices, v));
  }

  @Override
  public void setUserAttr(String key, Object value) {
    attrs.put(key, value);
  }

  /** User attributes set while replaying, e.g. a parameter count. */
  Map<String, Object> userAttrs() {
    return attrs;
  }
}
