package org.hpo4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from a parsed YAML map, each failure one message naming the field (with its path in
 * the file) and what is allowed.
 */
final class ConfigMap {
  private final String where;
  private final Map<String, Object> map;

  ConfigMap(String where, Map<String, Object> map) {
    this.where = where;
    this.map = map == null ? Map.of() : map;
  }

  /** @return where this map is in the file, as messages name it */
  String where() {
    return where;
  }

  Map<String, Object> raw() {
    return map;
  }

  boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  void requireOnly(Set<String> allowed) {
    for (String k : map.keySet()) {
      if (!allowed.contains(k)) {
        throw error("unknown field '" + k + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  IllegalArgumentException error(String message) {
    return new IllegalArgumentException(where + ": " + message);
  }

  String string(String key, String fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
      throw error("'" + key + "' must be a text value, but got " + v);
    }
    return v.toString();
  }

  long integer(String key, long fallback, long min, long max) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    long x;
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      x = n.longValue();
    } else {
      try {
        x = Long.parseLong(v.toString().trim());
      } catch (NumberFormatException e) {
        throw error("'" + key + "' must be an integer in [" + min + ", " + max + "], but got '" + v + "'");
      }
    }
    if (x < min || x > max) {
      throw error("'" + key + "' must be an integer in [" + min + ", " + max + "], but got " + x);
    }
    return x;
  }

  double number(String key, double fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw error("'" + key + "' must be a number, but got '" + v + "'");
    }
  }

  @SuppressWarnings("unchecked")
  ConfigMap child(String key) {
    Object v = map.get(key);
    if (v == null) {
      return new ConfigMap(where + "." + key, Map.of());
    }
    if (!(v instanceof Map<?, ?>)) {
      throw error("'" + key + "' must be a mapping, but got " + v);
    }
    return new ConfigMap(where + "." + key, (Map<String, Object>) v);
  }

  /**
   * A section written either as a bare name ({@code sampler: tpe}) or as {@code {type: tpe, ...}}:
   * returns the type and the remaining keys as options.
   */
  @SuppressWarnings("unchecked")
  TypedSection typed(String key, String fallbackType) {
    Object v = map.get(key);
    if (v == null) {
      return new TypedSection(fallbackType, Map.of());
    }
    if (v instanceof String s) {
      return new TypedSection(s, Map.of());
    }
    if (!(v instanceof Map<?, ?>)) {
      throw error("'" + key + "' must be a name or a mapping with 'type', but got " + v);
    }
    Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) v);
    Object type = m.remove("type");
    if (!(type instanceof String)) {
      throw error("'" + key + ".type' is required and must be a name, but got " + type);
    }
    Object options = m.remove("options");
    if (options instanceof Map<?, ?> o) {
      m.putAll((Map<String, Object>) o);
    }
    return new TypedSection((String) type, m);
  }

  /** A named choice with its options. */
  record TypedSection(String type, Map<String, Object> options) {}
}
