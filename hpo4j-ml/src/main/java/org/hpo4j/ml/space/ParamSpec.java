package org.hpo4j.ml.space;

import java.util.List;

/**
 * How one hyperparameter is chosen: a float or integer range (optionally log-scaled), a list of
 * choices, or a fixed value. Model objectives keep a default spec per parameter in a
 * {@link SearchSpace}; a study file may override any of them.
 *
 * <p>Immutable values; {@link #suggest} asks the given suggester and is as thread-safe as it is.
 */
public sealed interface ParamSpec {

  /** Draws this parameter's value for the current trial under {@code name}. */
  Object suggest(Suggester suggester, String name);

  /** A float range, log-uniform when {@code log}. */
  record FloatRange(double low, double high, boolean log) implements ParamSpec {
    /** @throws IllegalArgumentException if the bounds are not finite, reversed, or not positive for log */
    public FloatRange {
      Checks.range("", low, high, log);
    }

    @Override
    public Object suggest(Suggester s, String name) {
      return s.suggestFloat(name, low, high, log);
    }
  }

  /** An integer range, log-uniform when {@code log}. */
  record IntRange(long low, long high, boolean log) implements ParamSpec {
    /** @throws IllegalArgumentException if the bounds are reversed, or not positive for log */
    public IntRange {
      Checks.range("", low, high, log);
    }

    @Override
    public Object suggest(Suggester s, String name) {
      return s.suggestInt(name, low, high, log);
    }
  }

  /** One of a non-empty list of choices (numbers, strings or booleans). */
  record Choice(List<Object> choices) implements ParamSpec {
    /** @throws IllegalArgumentException if {@code choices} is empty */
    public Choice {
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("choices must be non-empty");
      }
      choices = List.copyOf(choices);
    }

    @Override
    public Object suggest(Suggester s, String name) {
      return s.suggestCategorical(name, choices);
    }
  }

  /** A value that is not tuned. */
  record Fixed(Object value) implements ParamSpec {
    public Fixed {
      if (value == null) {
        throw new IllegalArgumentException("a fixed value must be non-null");
      }
    }

    @Override
    public Object suggest(Suggester s, String name) {
      return value;
    }
  }

  /** Shared bound checks. */
  final class Checks {
    private Checks() {}

    static void range(String name, double low, double high, boolean log) {
      String who = name.isEmpty() ? "" : " for '" + name + "'";
      if (!Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException(String.format(
            "finite bounds are required%s, but got low=%s, high=%s", who, low, high));
      }
      if (low > high) {
        throw new IllegalArgumentException(String.format(
            "low <= high must hold%s, but got low=%s, high=%s", who, low, high));
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException(String.format(
            "low > 0 must hold for a log scale%s, but got low=%s", who, low));
      }
    }
  }
}
