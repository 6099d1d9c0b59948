package org.hpo4j.ml;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, checked reads from a YAML-parsed map; every message names the field as
 * {@code prefix.key} and says what is allowed. Not thread-safe; one per parse.
 */
final class ConfigReader {
  private final String prefix;
  private final Map<String, Object> map;

  ConfigReader(String prefix, Map<String, Object> map) {
    this.prefix = prefix;
    this.map = map;
  }

  String field(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  Object raw(String key) {
    return map.get(key);
  }

  void requireOnly(Set<String> allowed, String context) {
    for (String k : map.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(String.format("unknown key '%s'%s; allowed are %s",
            field(k), context, new TreeSet<>(allowed)));
      }
    }
  }

  String string(String key, String def) {
    Object v = map.get(key);
    if (v == null) {
      if (def == null) {
        throw new IllegalArgumentException("'" + field(key) + "' is required");
      }
      return def;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new IllegalArgumentException(
          String.format("'%s' must be a single value, but got %s", field(key), v));
    }
    return String.valueOf(v);
  }

  String choice(String key, String def, List<String> allowed) {
    String v = string(key, def);
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(
          String.format("'%s' must be one of %s, but got '%s'", field(key), allowed, v));
    }
    return v;
  }

  long integer(String key, long def, long min, long max) {
    Object v = map.get(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(String.format(
          "'%s' must be an integer in [%d, %d], but got '%s'", field(key), min, max, v));
    }
    long l = n.longValue();
    if (l < min || l > max) {
      throw new IllegalArgumentException(String.format(
          "'%s' must be an integer in [%d, %d], but got %d", field(key), min, max, l));
    }
    return l;
  }

  /** A number in [min, max) when {@code maxExclusive}, else [min, max]. */
  double number(String key, double def, double min, double max, boolean maxExclusive) {
    Object v = map.get(key);
    if (v == null) {
      return def;
    }
    String range = "[" + min + ", " + max + (maxExclusive ? ")" : "]");
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(
          String.format("'%s' must be a number in %s, but got '%s'", field(key), range, v));
    }
    double d = n.doubleValue();
    if (!(d >= min && (maxExclusive ? d < max : d <= max))) {
      throw new IllegalArgumentException(
          String.format("'%s' must be a number in %s, but got %s", field(key), range, d));
    }
    return d;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> mapOrEmpty(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(String.format(
          "'%s' must be a mapping of parameter names to overrides, but got '%s'", field(key), v));
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new IllegalArgumentException(
            String.format("'%s' keys must be parameter names, but got '%s'", field(key), k));
      }
    }
    return (Map<String, Object>) m;
  }

  List<?> listOrNull(String key) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException(
          String.format("'%s' must be a list, but got '%s'", field(key), v));
    }
    return l;
  }
}
