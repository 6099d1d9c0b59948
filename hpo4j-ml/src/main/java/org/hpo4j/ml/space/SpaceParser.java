package org.hpo4j.ml.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.ml.space.SearchSpace.Param;
import org.hpo4j.ml.space.SearchSpace.Type;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * Turns one parameter's YAML form into a core distribution or a fixed value. A model's parameter
 * has a declared type, which the values must fit; a command's ({@link Type#ANY}) is typed by how it
 * is written. Every message names the field ({@code space.NAME}); the range rules are core's own,
 * so a study file's range is checked exactly as {@code trial.suggestFloat} would check it.
 * Stateless.
 */
final class SpaceParser {
  private static final List<String> RANGE_KEYS = List.of("low", "high", "log");
  private static final List<String> COMMAND_RANGE_KEYS = List.of("low", "high", "log", "type");

  private SpaceParser() {}

  static Param parse(String key, Type type, List<String> allowed, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    if (raw instanceof List<?> list) {
      return choices(key, type, allowed, list);
    }
    if (raw instanceof Map<?, ?> map) {
      if (map.containsKey("choices")) {
        onlyKeys(key, map, Set.of("choices"), type);
        if (!(map.get("choices") instanceof List<?> list)) {
          throw new IllegalArgumentException(
              "'" + key + ".choices' must be a list, but got '" + map.get("choices") + "'");
        }
        return choices(key, type, allowed, list);
      }
      if (map.containsKey("value")) {
        onlyKeys(key, map, Set.of("value"), type);
        return new Param(
            type, null, value(key + ".value", type, allowed, map.get("value")), allowed);
      }
      return range(key, type, allowed, map);
    }
    return new Param(type, null, value(key, type, allowed, raw), allowed);
  }

  private static Param range(String key, Type type, List<String> allowed, Map<?, ?> map) {
    List<String> keys = type == Type.ANY ? COMMAND_RANGE_KEYS : RANGE_KEYS;
    onlyKeys(key, map, Set.copyOf(keys), type);
    if (type == Type.STRING) {
      throw new IllegalArgumentException(
          String.format(
              "'%s' takes a value or a list of choices among %s, not a range", key, allowed));
    }
    Object lowRaw = map.get("low");
    Object highRaw = map.get("high");
    if (!(lowRaw instanceof Number) || !(highRaw instanceof Number)) {
      throw new IllegalArgumentException(
          String.format(
              "'%s' needs numeric 'low' and 'high' (and optional 'log'), but got low=%s, high=%s",
              key, lowRaw, highRaw));
    }
    Object logRaw = map.get("log");
    if (logRaw != null && !(logRaw instanceof Boolean)) {
      throw new IllegalArgumentException(
          String.format("'%s.log' must be true or false, but got '%s'", key, logRaw));
    }
    boolean log = Boolean.TRUE.equals(logRaw);
    Type rangeType = type == Type.ANY ? writtenType(key, map) : type;
    if (rangeType == Type.INT) {
      long low = ((Number) value(key + ".low", Type.INT, null, lowRaw)).longValue();
      long high = ((Number) value(key + ".high", Type.INT, null, highRaw)).longValue();
      return new Param(type, IntDistribution.of(key, low, high, log, 1), null, allowed);
    }
    double low = ((Number) value(key + ".low", Type.FLOAT, null, lowRaw)).doubleValue();
    double high = ((Number) value(key + ".high", Type.FLOAT, null, highRaw)).doubleValue();
    return new Param(type, FloatDistribution.of(key, low, high, log, null), null, allowed);
  }

  /** A command's range: int when both bounds are written as integers, unless {@code type} says. */
  private static Type writtenType(String key, Map<?, ?> map) {
    boolean integral = isIntegral(map.get("low")) && isIntegral(map.get("high"));
    Object t = map.get("type");
    String type = t == null ? (integral ? "int" : "float") : String.valueOf(t);
    switch (type) {
      case "int" -> {
        if (!integral) {
          throw new IllegalArgumentException(
              String.format(
                  "'%s' is an int range, so low and high must be integers, but got low=%s, high=%s",
                  key, map.get("low"), map.get("high")));
        }
        return Type.INT;
      }
      case "float" -> {
        return Type.FLOAT;
      }
      default ->
          throw new IllegalArgumentException(
              String.format("'%s.type' must be one of [int, float], but got '%s'", key, type));
    }
  }

  private static boolean isIntegral(Object n) {
    return n instanceof Integer
        || n instanceof Long
        || n instanceof Short
        || n instanceof BigInteger;
  }

  private static void onlyKeys(String key, Map<?, ?> map, Set<String> keys, Type type) {
    for (Object k : map.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw new IllegalArgumentException(
            String.format(
                "unknown key '%s.%s'; allowed are %s, or 'choices', or 'value'",
                key, k, type == Type.ANY ? COMMAND_RANGE_KEYS : RANGE_KEYS));
      }
    }
  }

  private static Param choices(String key, Type type, List<String> allowed, List<?> list) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' must list at least one choice");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(value(key + "[" + i + "]", type, allowed, list.get(i)));
    }
    return new Param(type, CategoricalDistribution.of(key, out), null, allowed);
  }

  private static Object value(String key, Type type, List<String> allowed, Object v) {
    switch (type) {
      case FLOAT -> {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
          return n.doubleValue();
        }
        throw new IllegalArgumentException(
            String.format("'%s' must be a finite number, but got '%s'", key, v));
      }
      case INT -> {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          return n.longValue();
        }
        throw new IllegalArgumentException(
            String.format("'%s' must be an integer, but got '%s'", key, v));
      }
      case STRING -> {
        String s = String.valueOf(v);
        if (allowed != null && !allowed.contains(s)) {
          throw new IllegalArgumentException(
              String.format("'%s' must be one of %s, but got '%s'", key, allowed, v));
        }
        return s;
      }
      default -> {
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
          throw new IllegalArgumentException(
              String.format("'%s' must be a number, a string or a boolean, but got %s", key, v));
        }
        return v instanceof Integer i ? Long.valueOf(i) : v;
      }
    }
  }
}
