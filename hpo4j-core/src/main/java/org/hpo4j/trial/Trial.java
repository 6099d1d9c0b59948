package org.hpo4j.trial;

import java.util.List;
import java.util.Map;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * What an objective sees: the define-by-run facade through which it asks for parameters and reports
 * progress. A parameter exists only in the trials whose code asked for it, so conditional spaces
 * need no declaration: ask for {@code beta1} only when {@code optimizer} is "adam".
 *
 * <p>Asking again for a name already suggested in this trial returns the same value; asking with an
 * incompatible distribution throws. A Trial belongs to one thread (the one evaluating it).
 */
public interface Trial {

  /**
   * @return 0-based number of this trial in its study
   */
  int number();

  /**
   * A real parameter, uniform on [low, high].
   *
   * @throws IllegalArgumentException when the range is invalid or incompatible with an earlier
   *     suggestion of the same name in this trial
   */
  default double suggestFloat(String name, double low, double high) {
    return suggestFloat(name, low, high, false);
  }

  /** A real parameter, log-uniform when {@code log} (then low must be &gt; 0). */
  default double suggestFloat(String name, double low, double high, boolean log) {
    return (Double) suggest(name, FloatDistribution.of(name, low, high, log, null));
  }

  /** A real parameter on the grid {@code low + k * step}; step must divide high - low. */
  default double suggestFloat(String name, double low, double high, double step) {
    return (Double) suggest(name, FloatDistribution.of(name, low, high, false, step));
  }

  /**
   * An integer parameter, uniform on [low, high]. Returns an {@code int}, what loop bounds, layer
   * sizes and tree depths take; {@link #suggestLong} covers wider ranges under the same name space.
   */
  default int suggestInt(String name, int low, int high) {
    return (int) suggestLong(name, low, high);
  }

  /** An integer parameter, log-uniform when {@code log} (then low must be &gt;= 1). */
  default int suggestInt(String name, int low, int high, boolean log) {
    return (int) suggestLong(name, low, high, log);
  }

  /** An integer parameter on {low, low + step, ..., high}. */
  default int suggestInt(String name, int low, int high, int step) {
    return (int) suggestLong(name, low, high, (long) step);
  }

  /** As {@link #suggestInt(String, int, int)}, for ranges beyond {@code int}. */
  default long suggestLong(String name, long low, long high) {
    return suggestLong(name, low, high, false);
  }

  /** As {@link #suggestInt(String, int, int, boolean)}, for ranges beyond {@code int}. */
  default long suggestLong(String name, long low, long high, boolean log) {
    return (Long) suggest(name, IntDistribution.of(name, low, high, log, 1));
  }

  /** As {@link #suggestInt(String, int, int, int)}, for ranges beyond {@code int}. */
  default long suggestLong(String name, long low, long high, long step) {
    return (Long) suggest(name, IntDistribution.of(name, low, high, false, step));
  }

  /**
   * One of {@code choices}, which must be non-empty and distinct.
   *
   * @return the chosen element itself
   */
  @SuppressWarnings("unchecked")
  default <T> T suggestCategorical(String name, List<T> choices) {
    return (T) suggest(name, CategoricalDistribution.of(name, choices));
  }

  /**
   * Suggests a parameter of a distribution built elsewhere (a config file, a search-space object).
   * The typed methods above are this call with the distribution they describe, so a Trial that
   * replays or records values implements only this one; a study's trial overrides them to skip the
   * boxing.
   *
   * @return the user value: a Double, a Long or the categorical choice
   */
  Object suggest(String name, Distribution distribution);

  /**
   * Records the objective's value after {@code step} (an epoch, a boosting round chunk, a fold) so
   * that pruners can compare trials. Reporting the same step twice keeps the first value.
   *
   * <p>The step comes first, as in {@link #report(int, double[])} and in {@code
   * FrozenTrial.intermediateValues()} (step to value). The value-first order of other frameworks is
   * not offered beside it: {@code report(1, 2)} would compile either way and silently swap the two.
   *
   * @throws IllegalArgumentException when step &lt; 0 or value is NaN
   */
  void report(int step, double value);

  /**
   * Records one intermediate value per objective after {@code step}, for multi-objective pruning.
   * The vector is kept as the system attribute {@code intermediate_vectors} (a map from the step,
   * as a decimal string, to the list of values); the first value is also recorded as the scalar
   * intermediate value of {@link #report(int, double)}, so that {@link #shouldPrune}, plots and
   * {@code FrozenTrial.lastStep()} see the progress. Reporting the same step twice keeps the first.
   *
   * @throws IllegalArgumentException when step &lt; 0, a value is NaN, or the number of values
   *     differs from the study's number of objectives
   * @throws UnsupportedOperationException for a Trial that cannot store vectors (the default)
   */
  default void report(int step, double[] values) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot report a vector");
  }

  /**
   * Asks the study's pruner whether this trial should stop now. The objective decides what to do:
   * usually {@code throw new TrialPrunedException()}.
   */
  boolean shouldPrune();

  /** Stores a JSON-like value (string, number, boolean, list, map) with this trial. */
  void setUserAttr(String key, Object value);

  /**
   * Constraint values for constrained optimisation: a value &lt;= 0 is satisfied. Stored as the
   * system attribute {@code constraints}.
   */
  void setConstraints(double... constraints);

  /**
   * @return the parameters suggested so far, as user values
   */
  Map<String, Object> params();
}
