package org.hpo4j.trial;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;

/**
 * A trial whose parameters are given, not sampled: replays a configuration (the best parameters of
 * a study, a value from a paper) through an objective without a study or a storage, e.g. {@code
 * objective.evaluate(FixedTrial.of(study.bestParams()))} to retrain the final model.
 *
 * <p>Every suggestion returns the given user value after checking it against the distribution the
 * objective asks for, so a configuration that no longer fits the objective fails loudly, naming the
 * parameter. Reports are kept ({@link #intermediateValues()}), {@link #shouldPrune()} is always
 * false. Not thread-safe, like every {@link Trial}.
 */
public final class FixedTrial implements Trial {
  private final int number;
  private final Map<String, Object> given;
  private final Map<String, Object> suggested = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final SortedMap<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();
  private double[] constraints = new double[0];

  private FixedTrial(Map<String, ?> params, int number) {
    this.given = new LinkedHashMap<>(requireNonNull(params, "params"));
    this.number = number;
  }

  /**
   * @return a trial numbered 0 that suggests exactly {@code params} (user values by name)
   */
  public static FixedTrial of(Map<String, ?> params) {
    return new FixedTrial(params, 0);
  }

  /**
   * @return a trial that suggests exactly {@code params} and reports {@code number} as its number
   */
  public static FixedTrial of(Map<String, ?> params, int number) {
    requireArgument(number >= 0, "trial number >= 0 must hold, but got %s", number);
    return new FixedTrial(params, number);
  }

  @Override
  public int number() {
    return number;
  }

  /**
   * @throws IllegalArgumentException when {@code name} is not among the given parameters, or its
   *     value is outside {@code distribution}
   */
  @Override
  public Object suggest(String name, Distribution distribution) {
    requireNonNull(distribution, "distribution of '" + name + "'");
    requireArgument(
        given.containsKey(name),
        "fixed trial has no value for '%s'; it has %s",
        name,
        given.keySet());
    Distribution previous = distributions.get(name);
    requireArgument(
        previous == null || previous.equals(distribution),
        "parameter '%s' was already suggested as %s; it cannot be asked again as %s",
        name,
        previous,
        distribution);
    Object value = given.get(name);
    double internal;
    try {
      internal = distribution.toInternal(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fixed value "
              + value
              + " for '"
              + name
              + "' is not allowed by "
              + distribution
              + ": "
              + e.getMessage(),
          e);
    }
    Object user = distribution.toExternal(internal);
    distributions.put(name, distribution);
    suggested.put(name, user);
    return user;
  }

  @Override
  public void report(int step, double value) {
    requireArgument(step >= 0, "step >= 0 must hold in report, but got step=%s", step);
    requireArgument(!Double.isNaN(value), "report value must not be NaN at step %s", step);
    intermediate.putIfAbsent(step, value);
  }

  @Override
  public void report(int step, double[] values) {
    requireNonNull(values, "values");
    requireArgument(values.length >= 1, "report needs at least one value at step %s", step);
    report(step, values[0]);
  }

  /**
   * @return false: a replayed configuration runs to the end
   */
  @Override
  public boolean shouldPrune() {
    return false;
  }

  @Override
  public void setUserAttr(String key, Object value) {
    requireArgument(key != null && !key.isEmpty(), "user attribute key must be non-empty");
    userAttrs.put(key, value);
  }

  @Override
  public void setConstraints(double... constraints) {
    this.constraints = requireNonNull(constraints, "constraints").clone();
  }

  /**
   * @return the parameters suggested so far, as user values, in suggestion order
   */
  @Override
  public Map<String, Object> params() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(suggested));
  }

  /**
   * @return the distributions the objective asked for, in suggestion order
   */
  public Map<String, Distribution> distributions() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
  }

  /**
   * @return the values reported so far, by step
   */
  public SortedMap<Integer, Double> intermediateValues() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
  }

  /**
   * @return the user attributes set so far
   */
  public Map<String, Object> userAttrs() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
  }

  /**
   * @return the constraint values last set, empty when none
   */
  public double[] constraints() {
    return constraints.clone();
  }

  @Override
  public String toString() {
    return "FixedTrial(" + given + ")";
  }
}
