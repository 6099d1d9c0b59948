package org.hpo4j.space;

import static org.hpo4j.Checks.requireArgument;

import java.util.HashSet;
import java.util.List;

/**
 * A choice among distinct values (strings, numbers, booleans). Internally the index of the choice.
 *
 * @param choices the values, in order; non-empty, distinct, no nulls
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

  /** Validates with the generic name "parameter"; prefer {@link #of} which names the parameter. */
  public CategoricalDistribution {
    choices = validate("parameter", choices);
  }

  /**
   * @throws IllegalArgumentException naming {@code name} and the rule that failed
   */
  public static CategoricalDistribution of(String name, List<?> choices) {
    return new CategoricalDistribution(validate(name, choices));
  }

  private static List<Object> validate(String name, List<?> choices) {
    requireArgument(
        choices != null && !choices.isEmpty(),
        "choices must be non-empty for '%s', but got %s",
        name,
        choices);
    for (Object c : choices) {
      requireArgument(
          c != null, "choices must not contain null for '%s', but got %s", name, choices);
    }
    requireArgument(
        new HashSet<>(choices).size() == choices.size(),
        "choices must be distinct for '%s', but got %s",
        name,
        choices);
    return List.copyOf(choices);
  }

  /**
   * @return the index of {@code value} among the choices, or -1
   */
  public int indexOf(Object value) {
    int i = choices.indexOf(value);
    if (i < 0 && value instanceof Number n) {
      // 3 and 3L and 3.0 name the same choice when read back from JSON or YAML.
      for (int j = 0; j < choices.size(); j++) {
        if (choices.get(j) instanceof Number c && c.doubleValue() == n.doubleValue()) {
          return j;
        }
      }
    }
    return i;
  }

  @Override
  public double toInternal(Object value) {
    int i = indexOf(value);
    requireArgument(i >= 0, "%s is not one of the choices %s", value, choices);
    return i;
  }

  @Override
  public Object toExternal(double internal) {
    return choices.get((int) snap(internal));
  }

  @Override
  public boolean contains(double x) {
    return x >= 0 && x < choices.size() && x == Math.rint(x);
  }

  @Override
  public boolean isSingle() {
    return choices.size() == 1;
  }

  @Override
  public double fromUnit(double u) {
    return Math.min(choices.size() - 1, (int) Math.floor(Domain.clamp(u, 0, 1) * choices.size()));
  }

  @Override
  public double toUnit(double x) {
    return (snap(x) + 0.5) / choices.size();
  }

  @Override
  public double snap(double x) {
    return Domain.clamp(Math.rint(Double.isNaN(x) ? 0 : x), 0, choices.size() - 1);
  }

  @Override
  public long cardinality() {
    return choices.size();
  }
}
