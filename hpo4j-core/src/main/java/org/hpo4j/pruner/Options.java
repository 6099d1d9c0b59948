package org.hpo4j.pruner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a pruner's option map from a study file, each failure naming the pruner type, the
 * key, the value and what is allowed. Confined to one thread.
 */
final class Options {
  private final String type;
  private final Map<String, Object> values;

  Options(String type, Map<String, Object> values, List<String> allowed) {
    this.type = type;
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    for (String key : this.values.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("pruner '" + type + "' has no option '" + key + "'; allowed: "
            + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed)));
      }
    }
  }

  Object raw(String key) {
    return values.get(key);
  }

  double real(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("inf") || t.equals("+inf") || t.equals(".inf")) {
        return Double.POSITIVE_INFINITY;
      }
      if (t.equals("-inf") || t.equals("-.inf")) {
        return Double.NEGATIVE_INFINITY;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw bad(key, v, "a number");
  }

  double requiredReal(String key) {
    require(key, "a number");
    return real(key, Double.NaN);
  }

  long integer(String key, long fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 9.0e15) {
      return (long) n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw bad(key, v, "an integer");
  }

  long requiredInteger(String key) {
    require(key, "an integer");
    return integer(key, 0);
  }

  int smallInt(String key, int fallback) {
    long v = integer(key, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw bad(key, values.get(key), "an integer that fits 32 bits");
    }
    return (int) v;
  }

  private void require(String key, String what) {
    if (values.get(key) == null) {
      throw new IllegalArgumentException("pruner '" + type + "' needs option '" + key + "' (" + what + ")");
    }
  }

  private IllegalArgumentException bad(String key, Object v, String what) {
    return new IllegalArgumentException("pruner '" + type + "': option '" + key + "' must be " + what
        + ", but got '" + v + "'");
  }
}
