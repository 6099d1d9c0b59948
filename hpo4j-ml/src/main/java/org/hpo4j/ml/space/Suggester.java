package org.hpo4j.ml.space;

import java.util.List;
import java.util.Map;

/**
 * The part of a trial that model objectives use: suggest parameters, report progress, ask whether
 * to stop. Model code is written against this small interface so that the same code runs inside a
 * study ({@link #of} adapts a core {@code Trial}) and when a chosen configuration is
 * replayed, e.g. to refit the best parameters ({@link #fixed(Map)}).
 *
 * <p>Implementations are used by one thread at a time, like the trial they stand for.
 */
public interface Suggester {
  /** A float in {@code [low, high]}, log-uniform when {@code log}. */
  double suggestFloat(String name, double low, double high, boolean log);

  /** An integer in {@code [low, high]}, log-uniform when {@code log}. */
  long suggestInt(String name, long low, long high, boolean log);

  /** One of {@code choices}. */
  <T> T suggestCategorical(String name, List<T> choices);

  /** Records an intermediate value of the objective after {@code step}; ignored by default. */
  default void report(int step, double value) {}

  /**
   * True if the study wants this evaluation stopped now; the caller then throws the core's pruned
   * exception (see {@link #prune()}). Never true by default.
   */
  default boolean shouldPrune() {
    return false;
  }

  /**
   * Stops the evaluation as pruned. The default throws {@link IllegalStateException}; the trial
   * adapter throws the core's {@code TrialPrunedException}.
   */
  default RuntimeException prune() {
    return new IllegalStateException("pruned, but this suggester has no study to tell");
  }

  /** Attaches a named fact to the trial (e.g. the parameter count); ignored by default. */
  default void setUserAttr(String key, Object value) {}

  /**
   * A suggester that replays {@code params} (name to external value, as in a trial's params or a
   * best-parameters YAML file).
   *
   * @throws IllegalArgumentException from a suggest call whose name is absent, whose value lies out
   *     of range, or is not among the choices
   */
  static Suggester fixed(Map<String, ?> params) {
    return new FixedSuggester(params);
  }

  /**
   * A suggester that asks {@code trial}; {@link #prune()} gives the core's
   * {@link org.hpo4j.trial.TrialPrunedException}, which ends the trial as PRUNED.
   */
  static Suggester of(org.hpo4j.trial.Trial trial) {
    return new TrialSuggester(trial);
  }
}
