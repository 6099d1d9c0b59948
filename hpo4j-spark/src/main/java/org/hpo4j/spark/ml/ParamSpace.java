package org.hpo4j.spark.ml;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.hpo4j.Experimental;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * A search space over Spark ML {@link Param}s, for {@link HpoTuner}: float and int ranges (log or
 * not), categorical choices, and a conditional choice of estimators ({@link #choose}), each with
 * its own sub-space, so a trial sets only the parameters of the estimator it chose. Each parameter
 * is named in the study {@code <stage>.<param>}, where {@code <stage>} is the stage's uid without
 * its random suffix (e.g. {@code logreg.regParam}), so that the same pipeline built again (to
 * resume a study) gets the same names; pass a name where two stages would share one.
 *
 * <p>Not thread-safe while being built; immutable in use.
 */
@Experimental
public final class ParamSpace {
  private final List<Entry> entries = new ArrayList<>();

  private ParamSpace() {}

  /**
   * @return an empty space
   */
  public static ParamSpace create() {
    return new ParamSpace();
  }

  /** A double parameter in [low, high], on a log scale when {@code log}. */
  public ParamSpace floatRange(Param<?> param, double low, double high, boolean log) {
    return floatRange(defaultName(param), param, low, high, log);
  }

  /** A double parameter in [low, high] under a name of your own. */
  public ParamSpace floatRange(String name, Param<?> param, double low, double high, boolean log) {
    return add(new Entry(name, param, FloatDistribution.of(name, low, high, log, null), null));
  }

  /** An int parameter in [low, high], on a log scale when {@code log}. */
  public ParamSpace intRange(Param<?> param, int low, int high, boolean log) {
    return intRange(defaultName(param), param, low, high, log);
  }

  /** An int parameter in [low, high] under a name of your own. */
  public ParamSpace intRange(String name, Param<?> param, int low, int high, boolean log) {
    return add(new Entry(name, param, IntDistribution.of(name, low, high, log, 1), null));
  }

  /** One of {@code choices} (strings, numbers or booleans). */
  public ParamSpace categorical(Param<?> param, List<?> choices) {
    return categorical(defaultName(param), param, choices);
  }

  /** One of {@code choices} under a name of your own. */
  public ParamSpace categorical(String name, Param<?> param, List<?> choices) {
    org.hpo4j.Checks.requireNonNull(choices, "choices");
    requireArgument(!choices.isEmpty(), "categorical '%s' needs at least one choice", name);
    return add(new Entry(name, param, CategoricalDistribution.of(name, choices), null));
  }

  /** Which of {@code choice}'s estimators to fit, then that one's own sub-space. */
  public ParamSpace choose(EstimatorChoice choice) {
    org.hpo4j.Checks.requireNonNull(choice, "choice");
    String name = stageName(choice.uid()) + ".estimator";
    return add(
        new Entry(name, choice.chosen(), CategoricalDistribution.of(name, choice.names()), choice));
  }

  /**
   * @return true when the space has no parameter
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * @return every Spark Param this space may set, sub-spaces included
   */
  List<Param<?>> params() {
    List<Param<?>> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(e.param);
      if (e.choice != null) {
        for (String n : e.choice.names()) {
          out.addAll(e.choice.space(n).params());
        }
      }
    }
    return out;
  }

  /** Where the values come from: a running trial's suggestions, or a stored trial's parameters. */
  interface Values {
    Object get(String name, Distribution distribution);
  }

  /**
   * @return the ParamMap of the values {@code values} gives, walking only the chosen branches
   */
  ParamMap toParamMap(Values values) {
    ParamMap pm = new ParamMap();
    fill(values, pm);
    return pm;
  }

  /**
   * @return the ParamMap of a stored trial's parameters (name to user value)
   */
  ParamMap toParamMap(Map<String, Object> params) {
    return toParamMap(
        (name, d) -> {
          Object v = params.get(name);
          if (v == null) {
            throw new IllegalArgumentException(
                "trial has no parameter '"
                    + name
                    + "' of this search space; "
                    + "was the study tuned with another space?");
          }
          return v;
        });
  }

  @SuppressWarnings("unchecked")
  private void fill(Values values, ParamMap pm) {
    for (Entry e : entries) {
      Object v = values.get(e.name, e.distribution);
      Object typed;
      if (e.distribution instanceof IntDistribution) {
        typed = ((Number) v).intValue();
      } else if (e.distribution instanceof FloatDistribution) {
        typed = ((Number) v).doubleValue();
      } else {
        typed = v;
      }
      pm.put((Param<Object>) e.param, typed);
      if (e.choice != null) {
        e.choice.space(String.valueOf(v)).fill(values, pm);
      }
    }
  }

  private ParamSpace add(Entry e) {
    org.hpo4j.Checks.requireNonNull(e.param, "param");
    Set<String> names = new HashSet<>();
    collectNames(names);
    requireArgument(
        !names.contains(e.name),
        "parameter name '%s' is used twice in the search space; give one of "
            + "them a name of its own",
        e.name);
    entries.add(e);
    return this;
  }

  private void collectNames(Set<String> out) {
    for (Entry e : entries) {
      out.add(e.name);
      if (e.choice != null) {
        for (String n : e.choice.names()) {
          e.choice.space(n).collectNames(out);
        }
      }
    }
  }

  static String defaultName(Param<?> param) {
    org.hpo4j.Checks.requireNonNull(param, "param");
    return stageName(param.parent()) + "." + param.name();
  }

  /** A uid without its random suffix: logreg_4f3a9c2b1d0e -> logreg. */
  static String stageName(String uid) {
    int i = uid.lastIndexOf('_');
    return i > 0 ? uid.substring(0, i) : uid;
  }

  private record Entry(
      String name, Param<?> param, Distribution distribution, EstimatorChoice choice) {}
}
