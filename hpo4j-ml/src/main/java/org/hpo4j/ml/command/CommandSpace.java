package org.hpo4j.ml.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.ml.space.ParamSpec;

/**
 * Parses a free-form search space for an external command (a {@code space.yaml}), where each
 * parameter's type comes from how it is written:
 *
 * <pre>
 * lr: {low: 1.0e-4, high: 0.1, log: true}    # float (a bound with a fraction or exponent)
 * depth: {low: 2, high: 10}                  # int (both bounds integers), or add type: int|float
 * optimizer: [sgd, adam]                     # choices
 * epochs: 5                                  # fixed
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CommandSpace {
  private static final Set<String> RANGE_KEYS = Set.of("low", "high", "log", "type");

  private CommandSpace() {}

  /**
   * @return parameter name to spec, in the file's order
   * @throws IllegalArgumentException naming {@code space.NAME} for a malformed entry
   */
  public static Map<String, ParamSpec> parse(Map<String, ?> raw) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("'space' must declare at least one parameter");
    }
    Map<String, ParamSpec> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      String name = e.getKey();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException(String.format(
            "parameter names must match [A-Za-z_][A-Za-z0-9_.-]*, but got 'space.%s'", name));
      }
      out.put(name, spec("space." + name, e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static ParamSpec spec(String key, Object v) {
    if (v == null) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new IllegalArgumentException("'" + key + "' must list at least one choice");
      }
      List<Object> choices = new ArrayList<>();
      for (Object c : list) {
        if (c == null || c instanceof Map<?, ?> || c instanceof List<?>) {
          throw new IllegalArgumentException(String.format(
              "'%s' choices must be numbers, strings or booleans, but got %s", key, c));
        }
        choices.add(c instanceof Integer i ? Long.valueOf(i) : c);
      }
      return new ParamSpec.Choice(choices);
    }
    if (v instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!RANGE_KEYS.contains(String.valueOf(k))) {
          throw new IllegalArgumentException(String.format(
              "unknown key '%s.%s'; allowed are [high, log, low, type]", key, k));
        }
      }
      Object low = m.get("low");
      Object high = m.get("high");
      if (!(low instanceof Number lo) || !(high instanceof Number hi)) {
        throw new IllegalArgumentException(String.format(
            "'%s' needs numeric 'low' and 'high', but got low=%s, high=%s", key, low, high));
      }
      Object logRaw = m.get("log");
      if (logRaw != null && !(logRaw instanceof Boolean)) {
        throw new IllegalArgumentException(
            String.format("'%s.log' must be true or false, but got '%s'", key, logRaw));
      }
      boolean log = Boolean.TRUE.equals(logRaw);
      String type = m.get("type") == null ? null : String.valueOf(m.get("type"));
      boolean integral = isIntegral(lo) && isIntegral(hi);
      if (type == null) {
        type = integral ? "int" : "float";
      }
      switch (type) {
        case "int" -> {
          if (!integral) {
            throw new IllegalArgumentException(String.format(
                "'%s' is an int range, so low and high must be integers, but got low=%s, high=%s",
                key, lo, hi));
          }
          checkRange(key, lo.doubleValue(), hi.doubleValue(), log);
          return new ParamSpec.IntRange(lo.longValue(), hi.longValue(), log);
        }
        case "float" -> {
          checkRange(key, lo.doubleValue(), hi.doubleValue(), log);
          return new ParamSpec.FloatRange(lo.doubleValue(), hi.doubleValue(), log);
        }
        default -> throw new IllegalArgumentException(
            String.format("'%s.type' must be one of [int, float], but got '%s'", key, type));
      }
    }
    return new ParamSpec.Fixed(v instanceof Integer i ? Long.valueOf(i) : v);
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short
        || n instanceof java.math.BigInteger;
  }

  private static void checkRange(String key, double lo, double hi, boolean log) {
    if (lo > hi) {
      throw new IllegalArgumentException(
          String.format("low <= high must hold for '%s', but got low=%s, high=%s", key, lo, hi));
    }
    if (log && lo <= 0) {
      throw new IllegalArgumentException(String.format(
          "low > 0 must hold for a log scale for '%s', but got low=%s", key, lo));
    }
  }
}
