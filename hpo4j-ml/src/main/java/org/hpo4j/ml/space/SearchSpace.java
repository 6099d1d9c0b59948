package org.hpo4j.ml.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.trial.Trial;

/**
 * The named hyperparameters of an objective, in a fixed order, each either tuned (a core {@link
 * Distribution} that a {@link Trial} draws from) or fixed (a value no trial is asked for). A model
 * declares each parameter once with its value type and default; a study file then overrides
 * parameters by name ({@link #withOverrides(Map)}), or, for a command, declares them all ({@link
 * #parse(Map)}). Which parameters a trial actually draws is up to the objective's code, so a
 * conditional parameter (momentum only for SGD) is simply not asked for when its condition fails.
 *
 * <p>Why fixed values are not one-choice distributions: a fixed parameter is configuration, not a
 * tuned parameter, so it is kept out of the trial's params (and so out of the samplers' history);
 * studies stored before a default became fixed read the same way.
 *
 * <p>Override forms, as parsed from YAML: a scalar fixes the value ({@code max_depth: 6}); a list
 * gives choices ({@code max_depth: [3, 6, 9]}); a map gives a range ({@code learning_rate: {low:
 * 0.01, high: 0.3, log: true}}), choices ({@code {choices: [...]}}) or a fixed value ({@code
 * {value: 3}}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SearchSpace {
  /** Value type of a parameter; {@code ANY} for a command's parameters, typed as written. */
  public enum Type {
    FLOAT,
    INT,
    STRING,
    ANY
  }

  /** One parameter: exactly one of {@code distribution} and {@code fixed} is non-null. */
  record Param(Type type, Distribution distribution, Object fixed, List<String> allowed) {}

  private final Map<String, Param> params;

  private SearchSpace(Map<String, Param> params) {
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Starts a space declaration. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A command's space from its YAML form, each parameter typed by how it is written:
   *
   * <pre>
   * lr: {low: 1.0e-4, high: 0.1, log: true}    # float (a bound with a fraction or exponent)
   * depth: {low: 2, high: 10}                  # int (both bounds integers), or add type: int|float
   * optimizer: [sgd, adam]                     # choices
   * epochs: 5                                  # fixed
   * </pre>
   *
   * @throws IllegalArgumentException naming {@code space.NAME} for a malformed entry
   */
  public static SearchSpace parse(Map<String, ?> raw) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("'space' must declare at least one parameter");
    }
    Map<String, Param> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      String name = e.getKey();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException(
            String.format(
                "parameter names must match [A-Za-z_][A-Za-z0-9_.-]*, but got 'space.%s'", name));
      }
      out.put(name, SpaceParser.parse("space." + name, Type.ANY, null, e.getValue()));
    }
    return new SearchSpace(out);
  }

  /** Declares parameters in order. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Param> params = new LinkedHashMap<>();

    private Builder put(String name, Param p) {
      if (params.put(name, p) != null) {
        throw new IllegalArgumentException("parameter '" + name + "' is declared twice");
      }
      return this;
    }

    /** A float parameter tuned in {@code [low, high]}. */
    public Builder floatRange(String name, double low, double high, boolean log) {
      return put(
          name,
          new Param(Type.FLOAT, FloatDistribution.of(name, low, high, log, null), null, null));
    }

    /** An integer parameter tuned in {@code [low, high]}. */
    public Builder intRange(String name, long low, long high, boolean log) {
      return put(
          name, new Param(Type.INT, IntDistribution.of(name, low, high, log, 1), null, null));
    }

    /** An integer parameter chosen among {@code choices}. */
    public Builder intChoice(String name, Long... choices) {
      return put(
          name,
          new Param(Type.INT, CategoricalDistribution.of(name, List.of(choices)), null, null));
    }

    /** A string parameter chosen among {@code choices}, which are also all the values allowed. */
    public Builder stringChoice(String name, String... choices) {
      return put(
          name,
          new Param(
              Type.STRING,
              CategoricalDistribution.of(name, List.of(choices)),
              null,
              List.of(choices)));
    }

    /**
     * A string parameter fixed to {@code value} unless a study file tunes it among {@code allowed}
     * (e.g. an opt-in conditional branch of the space).
     *
     * @throws IllegalArgumentException if {@code value} is not among {@code allowed}
     */
    public Builder stringFixed(String name, String value, String... allowed) {
      List<String> ok = List.of(allowed);
      if (!ok.contains(value)) {
        throw new IllegalArgumentException(
            String.format("the default of '%s' must be one of %s, but got '%s'", name, ok, value));
      }
      return put(name, new Param(Type.STRING, null, value, ok));
    }

    public SearchSpace build() {
      return new SearchSpace(params);
    }
  }

  /** Parameter names in declaration order. */
  public Set<String> names() {
    return params.keySet();
  }

  /**
   * The distribution {@code name} is drawn from, or empty when it is fixed. @throws
   * IllegalArgumentException if unknown
   */
  public Optional<Distribution> distribution(String name) {
    return Optional.ofNullable(param(name).distribution());
  }

  /**
   * The value of {@code name} when it is fixed, else empty. @throws IllegalArgumentException if
   * unknown
   */
  public Optional<Object> fixedValue(String name) {
    return Optional.ofNullable(param(name).fixed());
  }

  /** The value type of {@code name}. @throws IllegalArgumentException if unknown */
  public Type type(String name) {
    return param(name).type();
  }

  private Param param(String name) {
    Param p = params.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          String.format("unknown parameter '%s'; known are %s", name, params.keySet()));
    }
    return p;
  }

  /**
   * The value of {@code name} for {@code trial}: its fixed value, else what the trial suggests from
   * its distribution (a Double, a Long or the choice).
   */
  public Object suggest(Trial trial, String name) {
    Param p = param(name);
    return p.fixed() != null ? p.fixed() : trial.suggest(name, p.distribution());
  }

  /** Draws {@code name} as a double. */
  public double suggestDouble(Trial trial, String name) {
    return ((Number) suggest(trial, name)).doubleValue();
  }

  /** Draws {@code name} as an int. */
  public int suggestInt(Trial trial, String name) {
    return Math.toIntExact(((Number) suggest(trial, name)).longValue());
  }

  /** Draws {@code name} as a string. */
  public String suggestString(Trial trial, String name) {
    return String.valueOf(suggest(trial, name));
  }

  /**
   * A copy with the given parameters replaced (see the class comment for the forms).
   *
   * @param overrides parameter name to override, as parsed from YAML
   * @throws IllegalArgumentException naming the parameter ({@code space.NAME}) if it is unknown, or
   *     its override has the wrong type, reversed bounds, or a value that is not allowed
   */
  public SearchSpace withOverrides(Map<String, ?> overrides) {
    Map<String, Param> copy = new LinkedHashMap<>(params);
    for (Map.Entry<String, ?> o : overrides.entrySet()) {
      String name = o.getKey();
      Param p = params.get(name);
      if (p == null) {
        throw new IllegalArgumentException(
            String.format("unknown parameter 'space.%s'; allowed are %s", name, params.keySet()));
      }
      copy.put(name, SpaceParser.parse("space." + name, p.type(), p.allowed(), o.getValue()));
    }
    return new SearchSpace(copy);
  }

  /** A readable listing, one parameter a line, for documentation and error messages. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    params.forEach(
        (n, p) ->
            out.add(n + ": " + (p.fixed() != null ? "fixed " + p.fixed() : p.distribution())));
    return out;
  }

  @Override
  public String toString() {
    return "SearchSpace" + describe();
  }
}
