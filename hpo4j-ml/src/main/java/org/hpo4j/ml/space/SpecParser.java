package org.hpo4j.ml.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one YAML override into a {@link ParamSpec} of the declared type. Stateless. */
final class SpecParser {
  private static final Set<String> RANGE_KEYS = Set.of("low", "high", "log");

  private SpecParser() {}

  static ParamSpec parse(String key, SearchSpace.Type type, List<String> allowed, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    if (raw instanceof List<?> list) {
      return choices(key, type, allowed, list);
    }
    if (raw instanceof Map<?, ?> map) {
      if (map.containsKey("choices")) {
        onlyKeys(key, map, Set.of("choices"));
        if (!(map.get("choices") instanceof List<?> list)) {
          throw new IllegalArgumentException(
              "'" + key + ".choices' must be a list, but got '" + map.get("choices") + "'");
        }
        return choices(key, type, allowed, list);
      }
      if (map.containsKey("value")) {
        onlyKeys(key, map, Set.of("value"));
        return new ParamSpec.Fixed(value(key + ".value", type, allowed, map.get("value")));
      }
      onlyKeys(key, map, RANGE_KEYS);
      if (type == SearchSpace.Type.STRING) {
        throw new IllegalArgumentException(String.format(
            "'%s' takes a value or a list of choices among %s, not a range", key, allowed));
      }
      if (!map.containsKey("low") || !map.containsKey("high")) {
        throw new IllegalArgumentException(String.format(
            "'%s' needs both 'low' and 'high' (and optional 'log'), but got %s", key, map));
      }
      Object logRaw = map.get("log");
      boolean log = false;
      if (logRaw != null) {
        if (!(logRaw instanceof Boolean b)) {
          throw new IllegalArgumentException(
              String.format("'%s.log' must be true or false, but got '%s'", key, logRaw));
        }
        log = b;
      }
      Number low = (Number) value(key + ".low", type, allowed, map.get("low"));
      Number high = (Number) value(key + ".high", type, allowed, map.get("high"));
      ParamSpec.Checks.range(key, low.doubleValue(), high.doubleValue(), log);
      return type == SearchSpace.Type.INT
          ? new ParamSpec.IntRange(low.longValue(), high.longValue(), log)
          : new ParamSpec.FloatRange(low.doubleValue(), high.doubleValue(), log);
    }
    return new ParamSpec.Fixed(value(key, type, allowed, raw));
  }

  private static void onlyKeys(String key, Map<?, ?> map, Set<String> keys) {
    for (Object k : map.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw new IllegalArgumentException(String.format(
            "unknown key '%s.%s'; allowed are %s, or 'choices', or 'value'", key, k,
            List.of("low", "high", "log")));
      }
    }
  }

  private static ParamSpec choices(String key, SearchSpace.Type type, List<String> allowed,
      List<?> list) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' must list at least one choice");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(value(key + "[" + i + "]", type, allowed, list.get(i)));
    }
    return new ParamSpec.Choice(out);
  }

  private static Object value(String key, SearchSpace.Type type, List<String> allowed, Object v) {
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
      default -> {
        String s = String.valueOf(v);
        if (allowed != null && !allowed.contains(s)) {
          throw new IllegalArgumentException(
              String.format("'%s' must be one of %s, but got '%s'", key, allowed, v));
        }
        return s;
      }
    }
  }
}
