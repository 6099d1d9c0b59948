package org.hpo4j.study;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;

/**
 * The {@link Trial} a study hands to an objective: validates each request, takes the value from an
 * enqueued fixed parameter, the relative proposal or the sampler, and writes it through to storage.
 * Confined to the thread evaluating it.
 */
final class StudyTrial implements Trial {
  private final Study study;
  private final FrozenTrial started;
  private final Map<String, Distribution> relativeSpace;
  private final Map<String, Double> relativeParams;
  private final Map<String, Object> fixedParams;
  private final Map<String, Double> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
  private final TreeMap<Integer, List<Double>> vectors = new TreeMap<>();

  /**
   * The attributes written through this trial, kept so that a trial lost by the storage can be
   * recorded again.
   */
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();

  private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
  private FrozenTrial current;
  private boolean finished;

  @SuppressWarnings("unchecked")
  StudyTrial(
      Study study,
      FrozenTrial started,
      Map<String, Distribution> relativeSpace,
      Map<String, Double> relativeParams) {
    this.study = study;
    this.started = started;
    this.current = started;
    this.relativeSpace = relativeSpace;
    this.relativeParams = relativeParams;
    Object fixed = started.systemAttrs().get("fixed_params");
    this.fixedParams = fixed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    started
        .internalParams()
        .forEach(
            (k, v) -> {
              params.put(k, v);
              distributions.put(k, started.distributions().get(k));
            });
  }

  long id() {
    return started.id();
  }

  Study study() {
    return study;
  }

  void markFinished() {
    finished = true;
  }

  boolean isFinished() {
    return finished;
  }

  /**
   * @return the parameters written so far (internal values), in order
   */
  Map<String, Double> writtenParams() {
    return params;
  }

  Distribution distribution(String param) {
    return distributions.get(param);
  }

  Map<Integer, Double> writtenIntermediate() {
    return intermediate;
  }

  Map<String, Object> writtenUserAttrs() {
    return userAttrs;
  }

  Map<String, Object> writtenSystemAttrs() {
    return systemAttrs;
  }

  /** Records a system attribute the study wrote for this trial (e.g. its fail_reason). */
  void rememberSystemAttr(String key, Object value) {
    systemAttrs.put(key, value);
  }

  /** The trial as the sampler should see it now: the parameters suggested so far. */
  FrozenTrial snapshot() {
    if (current.internalParams().size() != params.size()) {
      current =
          new FrozenTrial(
              started.number(),
              started.id(),
              started.state(),
              params,
              distributions,
              List.of(),
              intermediate,
              Map.of(),
              started.systemAttrs(),
              started.start(),
              null);
    }
    return current;
  }

  @Override
  public int number() {
    return started.number();
  }

  @Override
  public double suggestFloat(String name, double low, double high) {
    return suggestFloat(name, low, high, false);
  }

  @Override
  public double suggestFloat(String name, double low, double high, boolean log) {
    return suggest0(name, FloatDistribution.of(name, low, high, log, null));
  }

  @Override
  public double suggestFloat(String name, double low, double high, double step) {
    return suggest0(name, FloatDistribution.of(name, low, high, false, step));
  }

  @Override
  public long suggestLong(String name, long low, long high) {
    return suggestLong(name, low, high, 1L);
  }

  @Override
  public long suggestLong(String name, long low, long high, boolean log) {
    return Math.round(suggest0(name, IntDistribution.of(name, low, high, log, 1)));
  }

  @Override
  public long suggestLong(String name, long low, long high, long step) {
    return Math.round(suggest0(name, IntDistribution.of(name, low, high, false, step)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T suggestCategorical(String name, List<T> choices) {
    CategoricalDistribution d = CategoricalDistribution.of(name, choices);
    return (T) d.choices().get((int) suggest0(name, d));
  }

  @Override
  public Object suggest(String name, Distribution distribution) {
    org.hpo4j.Checks.requireNonNull(distribution, "distribution of '" + name + "'");
    return distribution.toExternal(suggest0(name, distribution));
  }

  private double suggest0(String name, Distribution d) {
    requireArgument(name != null && !name.isEmpty(), "parameter name must be non-empty");
    requireNoNul("parameter name", name);
    if (finished) {
      throw new IllegalStateException(
          "trial " + number() + " is finished; it cannot suggest '" + name + "'");
    }
    Distribution previous = distributions.get(name);
    if (previous != null) {
      requireArgument(
          previous.equals(d),
          "parameter '%s' was already suggested in trial %s as %s; it cannot be asked again as %s",
          name,
          number(),
          previous,
          d);
      return params.get(name);
    }
    study.checkCompatible(name, d);
    double v = valueFor(name, d);
    study.storage().setParam(started.id(), name, v, d);
    params.put(name, v);
    distributions.put(name, d);
    return v;
  }

  private double valueFor(String name, Distribution d) {
    if (fixedParams.containsKey(name)) {
      Object value = fixedParams.get(name);
      try {
        return d.toInternal(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "enqueued value "
                + value
                + " for '"
                + name
                + "' is not allowed by "
                + d
                + ": "
                + e.getMessage(),
            e);
      }
    }
    if (d.isSingle()) {
      return d.fromUnit(0.0);
    }
    Double relative = d.equals(relativeSpace.get(name)) ? relativeParams.get(name) : null;
    double v =
        relative != null ? relative : study.sampler().sampleIndependent(study, snapshot(), name, d);
    if (!d.contains(v)) {
      double snapped = d.snap(v);
      if (!d.contains(snapped)) {
        throw new IllegalStateException(
            study.sampler() + " proposed " + v + " for '" + name + "', which is outside " + d);
      }
      v = snapped;
    }
    return v;
  }

  @Override
  public void report(int step, double value) {
    requireArgument(step >= 0, "step >= 0 must hold in report, but got step=%s", step);
    requireArgument(!Double.isNaN(value), "report value must not be NaN at step %s", step);
    if (intermediate.putIfAbsent(step, value) == null) {
      study.storage().setIntermediateValue(started.id(), step, value);
    }
  }

  @Override
  public void report(int step, double[] values) {
    org.hpo4j.Checks.requireNonNull(values, "values");
    requireArgument(step >= 0, "step >= 0 must hold in report, but got step=%s", step);
    requireArgument(
        values.length == study.directions().size(),
        "report needs %s value(s) for study '%s', but got %s",
        study.directions().size(),
        study.name(),
        values.length);
    List<Double> v = new ArrayList<>(values.length);
    for (double x : values) {
      requireArgument(
          !Double.isNaN(x),
          "report values must not be NaN at step %s, but got %s",
          step,
          java.util.Arrays.toString(values));
      v.add(x);
    }
    if (vectors.putIfAbsent(step, List.copyOf(v)) == null) {
      Map<String, Object> attr = new LinkedHashMap<>();
      vectors.forEach((k, x) -> attr.put(Integer.toString(k), x));
      study.storage().setSystemAttr(started.id(), "intermediate_vectors", attr);
      systemAttrs.put("intermediate_vectors", attr);
    }
    report(step, values[0]);
  }

  /**
   * @return the last reported vector, if any
   */
  List<Double> lastVector() {
    return vectors.isEmpty() ? null : vectors.lastEntry().getValue();
  }

  /**
   * @return the last reported value, if any
   */
  Double lastIntermediate() {
    return intermediate.isEmpty() ? null : intermediate.lastEntry().getValue();
  }

  @Override
  public boolean shouldPrune() {
    if (intermediate.isEmpty()) {
      return false;
    }
    return study.pruner().shouldPrune(study, study.storage().trial(started.id()));
  }

  @Override
  public void setUserAttr(String key, Object value) {
    requireArgument(key != null && !key.isEmpty(), "user attribute key must be non-empty");
    requireNoNul("user attribute key", key);
    study.storage().setUserAttr(started.id(), key, value);
    userAttrs.put(key, value);
  }

  @Override
  public void setConstraints(double... constraints) {
    List<Double> c = new ArrayList<>(constraints.length);
    for (double x : constraints) {
      requireArgument(
          !Double.isNaN(x),
          "constraints must not be NaN, but got %s",
          java.util.Arrays.toString(constraints));
      c.add(x);
    }
    study.storage().setSystemAttr(started.id(), "constraints", c);
    systemAttrs.put("constraints", c);
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, distributions.get(k).toExternal(v)));
    return out;
  }

  /**
   * A NUL character cannot be stored by PostgreSQL (and ends strings in C): refused before it
   * reaches a storage.
   */
  static void requireNoNul(String what, String s) {
    int at = s.indexOf('\0');
    requireArgument(
        at < 0,
        "%s must not contain the NUL character (\\u0000), but '%s' has one at index %s",
        what,
        s.replace('\0', '?'),
        at);
  }
}
