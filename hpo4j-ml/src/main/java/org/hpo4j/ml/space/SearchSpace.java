package org.hpo4j.ml.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named hyperparameters of a model objective with their {@link ParamSpec}s, in a fixed order.
 * A model declares each parameter once with its value type and default spec; a study file then
 * overrides specs by name ({@link #withOverrides(Map)}). Which parameters a trial actually uses is
 * up to the model code, so conditional parameters (e.g. momentum only for SGD) simply are not
 * asked for when their condition fails.
 *
 * <p>Override forms, as parsed from YAML: a scalar fixes the value ({@code max_depth: 6}); a list
 * gives choices ({@code max_depth: [3, 6, 9]}); a map gives a range
 * ({@code learning_rate: {low: 0.01, high: 0.3, log: true}}), choices ({@code {choices: [...]}})
 * or a fixed value ({@code {value: 3}}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SearchSpace {
  /** Value type of a parameter. */
  public enum Type {
    FLOAT, INT, STRING
  }

  private record Entry(Type type, ParamSpec spec, List<String> allowed) {}

  private final Map<String, Entry> entries;

  private SearchSpace(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** Starts a space declaration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Declares parameters in order. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder put(String name, Entry e) {
      if (entries.put(name, e) != null) {
        throw new IllegalArgumentException("parameter '" + name + "' is declared twice");
      }
      return this;
    }

    /** A float parameter tuned in {@code [low, high]}. */
    public Builder floatRange(String name, double low, double high, boolean log) {
      ParamSpec.Checks.range(name, low, high, log);
      return put(name, new Entry(Type.FLOAT, new ParamSpec.FloatRange(low, high, log), null));
    }

    /** An integer parameter tuned in {@code [low, high]}. */
    public Builder intRange(String name, long low, long high, boolean log) {
      ParamSpec.Checks.range(name, low, high, log);
      return put(name, new Entry(Type.INT, new ParamSpec.IntRange(low, high, log), null));
    }

    /** An integer parameter chosen among {@code choices}. */
    public Builder intChoice(String name, Long... choices) {
      return put(name, new Entry(Type.INT, new ParamSpec.Choice(List.of((Object[]) choices)), null));
    }

    /** A string parameter chosen among {@code choices}, which are also all the values allowed. */
    public Builder stringChoice(String name, String... choices) {
      return put(name, new Entry(Type.STRING, new ParamSpec.Choice(List.of((Object[]) choices)),
          List.of(choices)));
    }

    /**
     * A string parameter fixed to {@code value} unless a study file tunes it among
     * {@code allowed} (e.g. an opt-in conditional branch of the space).
     *
     * @throws IllegalArgumentException if {@code value} is not among {@code allowed}
     */
    public Builder stringFixed(String name, String value, String... allowed) {
      List<String> ok = List.of(allowed);
      if (!ok.contains(value)) {
        throw new IllegalArgumentException(String.format(
            "the default of '%s' must be one of %s, but got '%s'", name, ok, value));
      }
      return put(name, new Entry(Type.STRING, new ParamSpec.Fixed(value), ok));
    }

    public SearchSpace build() {
      return new SearchSpace(entries);
    }
  }

  /** Parameter names in declaration order. */
  public Set<String> names() {
    return entries.keySet();
  }

  /** The spec of {@code name}. @throws IllegalArgumentException if unknown */
  public ParamSpec spec(String name) {
    return entry(name).spec();
  }

  /** The value type of {@code name}. @throws IllegalArgumentException if unknown */
  public Type type(String name) {
    return entry(name).type();
  }

  private Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          String.format("unknown parameter '%s'; known are %s", name, entries.keySet()));
    }
    return e;
  }

  /** Draws {@code name} as a double. */
  public double suggestDouble(Suggester s, String name) {
    return ((Number) entry(name).spec().suggest(s, name)).doubleValue();
  }

  /** Draws {@code name} as an int. */
  public int suggestInt(Suggester s, String name) {
    return Math.toIntExact(((Number) entry(name).spec().suggest(s, name)).longValue());
  }

  /** Draws {@code name} as a string. */
  public String suggestString(Suggester s, String name) {
    return String.valueOf(entry(name).spec().suggest(s, name));
  }

  /**
   * A copy with the given specs replaced (see the class comment for the forms).
   *
   * @param overrides parameter name to override, as parsed from YAML
   * @throws IllegalArgumentException naming the parameter ({@code space.NAME}) if it is unknown, or
   *     its override has the wrong type, reversed bounds, or a value that is not allowed
   */
  public SearchSpace withOverrides(Map<String, ?> overrides) {
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    for (Map.Entry<String, ?> o : overrides.entrySet()) {
      String name = o.getKey();
      Entry e = entries.get(name);
      if (e == null) {
        throw new IllegalArgumentException(String.format(
            "unknown parameter 'space.%s'; allowed are %s", name, entries.keySet()));
      }
      copy.put(name, new Entry(e.type(), SpecParser.parse("space." + name, e.type(), e.allowed(),
          o.getValue()), e.allowed()));
    }
    return new SearchSpace(copy);
  }

  /** A readable listing, one parameter a line, for documentation and error messages. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    entries.forEach((n, e) -> out.add(n + ": " + e.spec()));
    return out;
  }

  @Override
  public String toString() {
    return "SearchSpace" + describe();
  }
}
