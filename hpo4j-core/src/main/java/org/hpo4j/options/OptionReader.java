package org.hpo4j.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Typed, checked reads of one option map as parsed from YAML or JSON. Two ways to name a field in
 * messages: {@link #of(String, Map)} for the options of a named component ({@code sampler 'tpe':
 * option 'n_startup_trials' must be ...}) and {@link #at(String, Map)} for a section of a file
 * ({@code 'objective.folds' must be ...}).
 *
 * <p>Every read remembers its key, so that {@link #requireAllKnown()} can reject the keys nobody
 * read: a typo in a study file is an error, not a silently ignored setting. The {@code if*} methods
 * feed a builder setter only when the key is present, so a component's defaults stay in its
 * builder. Not thread-safe; one reader per map.
 */
public final class OptionReader {
  private final String component;
  private final String path;
  private final Map<String, Object> map;
  private final Set<String> known = new LinkedHashSet<>();
  private final Map<String, String> renamed = new LinkedHashMap<>();

  private OptionReader(String component, String path, Map<String, ?> map) {
    this.component = component;
    this.path = path;
    this.map = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> this.map.put(String.valueOf(k), v));
    }
  }

  /**
   * @param component how messages name the owner, e.g. {@code sampler 'tpe'}
   * @param options the options; null reads as empty
   */
  public static OptionReader of(String component, Map<String, ?> options) {
    return new OptionReader(component, null, options);
  }

  /**
   * @param path the dotted path of the section in its file, e.g. {@code objective}; empty for the
   *     top
   * @param section the section; null reads as empty
   */
  public static OptionReader at(String path, Map<String, ?> section) {
    return new OptionReader(null, path == null ? "" : path, section);
  }

  /**
   * @return the field as messages name it
   */
  public String field(String key) {
    if (component != null) {
      return component + ": option '" + key + "'";
    }
    return "'" + (path.isEmpty() ? key : path + "." + key) + "'";
  }

  /**
   * @return a copy of the map as read
   */
  public Map<String, Object> raw() {
    return new LinkedHashMap<>(map);
  }

  /**
   * @return whether {@code key} is present with a non-null value; marks it known
   */
  public boolean has(String key) {
    known.add(key);
    return map.get(key) != null;
  }

  /**
   * @return the raw value of {@code key}, or null; marks it known
   */
  public Object get(String key) {
    known.add(key);
    return map.get(key);
  }

  /** Marks keys as allowed without reading them (for keys read elsewhere). */
  public OptionReader allow(String... keys) {
    known.addAll(List.of(keys));
    return this;
  }

  /**
   * Refuses {@code oldKey} (a renamed option) with a message naming {@code newKey}, when present.
   * Checked by {@link #requireAllKnown()}.
   */
  public OptionReader renamed(String oldKey, String newKey) {
    renamed.put(oldKey, newKey);
    return this;
  }

  /**
   * @throws IllegalArgumentException for the first key nobody read, naming the keys that are
   *     allowed
   */
  public void requireAllKnown() {
    for (String k : map.keySet()) {
      if (renamed.containsKey(k)) {
        throw new IllegalArgumentException(
            unknownPrefix(k) + "; it was renamed to '" + renamed.get(k) + "'");
      }
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            unknownPrefix(k)
                + "; allowed: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
    }
  }

  /**
   * As {@link #requireAllKnown()}, with {@code allowed} marked known first (in its own order when
   * it is a list, else sorted, so that a message lists them the same way on every run).
   */
  public void requireOnly(Collection<String> allowed) {
    known.addAll(allowed instanceof List<?> ? allowed : new TreeSet<>(allowed));
    requireAllKnown();
  }

  /**
   * As {@link #requireOnly(Collection)}, saying in an unknown key's message why the allowed keys
   * are these, e.g. {@code for model xgboost}.
   */
  public void requireOnly(Collection<String> allowed, String context) {
    try {
      requireOnly(allowed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst(";", " " + context + ";"), e);
    }
  }

  private String unknownPrefix(String k) {
    if (component != null) {
      return component + " has no option '" + k + "'";
    }
    return "unknown key " + field(k);
  }

  /**
   * @return an error whose message starts with the reader's location
   */
  public IllegalArgumentException error(String key, String message) {
    return new IllegalArgumentException(field(key) + " " + message);
  }

  // ---- single values ----

  /**
   * @return a scalar as text, or {@code fallback}; a list or map is an error
   */
  public String string(String key, String fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw error(key, "must be a single value, but got " + v);
    }
    return String.valueOf(v);
  }

  /**
   * @throws IllegalArgumentException when absent
   */
  public String requiredString(String key) {
    require(key, "a value");
    return string(key, null);
  }

  /**
   * @return one of {@code allowed} (compared case-insensitively), or {@code fallback}
   */
  public String choice(String key, String fallback, List<String> allowed) {
    String v = string(key, fallback);
    if (v == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v.trim())) {
        return a;
      }
    }
    throw error(key, "must be one of " + String.join(", ", allowed) + ", but got '" + v + "'");
  }

  /**
   * @return the enum constant whose lower-case name is the value, or {@code fallback}
   */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    String v = choice(key, null, names);
    return v == null ? fallback : Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
  }

  /**
   * @return a number (also "inf", "-inf" and numeric text), or {@code fallback}
   */
  public double number(String key, double fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    Double d = toDouble(v);
    if (d == null) {
      throw error(key, "must be a number, but got '" + v + "'");
    }
    return d;
  }

  /**
   * @return a number in [min, max], or {@code fallback}
   */
  public double number(String key, double fallback, double min, double max) {
    return number(key, fallback, min, max, false);
  }

  /**
   * @return a number in [min, max) when {@code maxExclusive}, else [min, max], or {@code fallback}
   */
  public double number(String key, double fallback, double min, double max, boolean maxExclusive) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    String range = "[" + min + ", " + max + (maxExclusive ? ")" : "]");
    Double d = toDouble(v);
    if (d == null) {
      throw error(key, "must be a number in " + range + ", but got '" + v + "'");
    }
    if (!(d >= min && (maxExclusive ? d < max : d <= max))) {
      throw error(key, "must be a number in " + range + ", but got " + d);
    }
    return d;
  }

  /**
   * @throws IllegalArgumentException when absent
   */
  public double requiredNumber(String key) {
    require(key, "a number");
    return number(key, Double.NaN);
  }

  /**
   * @return an integer (also integral numbers and integer text), or {@code fallback}
   */
  public long integer(String key, long fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    Long l = toLong(v);
    if (l == null) {
      throw error(key, "must be an integer, but got '" + v + "'");
    }
    return l;
  }

  /**
   * @return an integer in [min, max], or {@code fallback}
   */
  public long integer(String key, long fallback, long min, long max) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    Long l = toLong(v);
    String range = "[" + min + ", " + max + "]";
    if (l == null) {
      throw error(key, "must be an integer in " + range + ", but got '" + v + "'");
    }
    if (l < min || l > max) {
      throw error(key, "must be an integer in " + range + ", but got " + l);
    }
    return l;
  }

  /**
   * @throws IllegalArgumentException when absent
   */
  public long requiredInteger(String key) {
    require(key, "an integer");
    return integer(key, 0);
  }

  /**
   * @return an integer that fits 32 bits, or {@code fallback}
   */
  public int smallInt(String key, int fallback) {
    long v = integer(key, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(key, "must be an integer that fits 32 bits, but got " + v);
    }
    return (int) v;
  }

  /**
   * @return true/false (also their text), or {@code fallback}
   */
  public boolean bool(String key, boolean fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s
        && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.trim());
    }
    throw error(key, "must be true or false, but got '" + v + "'");
  }

  // ---- nested values ----

  /**
   * @return the nested map under {@code key} as a reader at {@code path.key}; empty when absent
   */
  public OptionReader child(String key) {
    String childPath = component != null ? key : (path.isEmpty() ? key : path + "." + key);
    return OptionReader.at(childPath, map(key));
  }

  /**
   * @return the nested map under {@code key} with string keys; empty when absent
   */
  public Map<String, Object> map(String key) {
    Object v = get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw error(key, "must be a mapping, but got '" + v + "'");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  /**
   * @return the list under {@code key}, or null when absent
   */
  public List<?> list(String key) {
    Object v = get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> l)) {
      throw error(key, "must be a list, but got '" + v + "'");
    }
    return l;
  }

  // ---- builder feeding ----

  /** Calls {@code setter} with the 32-bit integer under {@code key} when present. */
  public OptionReader ifInt(String key, IntConsumer setter) {
    if (has(key)) {
      setter.accept(smallInt(key, 0));
    }
    return this;
  }

  /** Calls {@code setter} with the integer under {@code key} when present. */
  public OptionReader ifLong(String key, LongConsumer setter) {
    if (has(key)) {
      setter.accept(integer(key, 0));
    }
    return this;
  }

  /** Calls {@code setter} with the number under {@code key} when present. */
  public OptionReader ifNumber(String key, DoubleConsumer setter) {
    if (has(key)) {
      setter.accept(number(key, 0));
    }
    return this;
  }

  /** Calls {@code setter} with the boolean under {@code key} when present. */
  public OptionReader ifBool(String key, Consumer<Boolean> setter) {
    if (has(key)) {
      setter.accept(bool(key, false));
    }
    return this;
  }

  /** Calls {@code setter} with the text under {@code key} when present. */
  public OptionReader ifString(String key, Consumer<String> setter) {
    if (has(key)) {
      setter.accept(string(key, null));
    }
    return this;
  }

  /**
   * Calls {@code setter} with the enum constant named (in lower case) under {@code key} when
   * present.
   */
  public <E extends Enum<E>> OptionReader ifEnum(String key, Class<E> type, Consumer<E> setter) {
    if (has(key)) {
      setter.accept(enumValue(key, type, null));
    }
    return this;
  }

  private void require(String key, String what) {
    if (get(key) == null) {
      if (component != null) {
        throw new IllegalArgumentException(
            component + " needs option '" + key + "' (" + what + ")");
      }
      throw new IllegalArgumentException(field(key) + " is required (" + what + ")");
    }
  }

  private static Double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("inf") || t.equals("+inf") || t.equals(".inf")) {
        return Double.POSITIVE_INFINITY;
      }
      if (t.equals("-inf") || t.equals("-.inf")) {
        return Double.NEGATIVE_INFINITY;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Long toLong(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 9.0e15) {
      return (long) n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
