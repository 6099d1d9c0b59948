package org.hpo4j.ml;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hpo4j.ml.cnn.CnnObjective;
import org.hpo4j.study.MultiObjective;
import org.hpo4j.study.Objective;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * A {@link ModelObjective} as a study file describes it: which values a trial returns, in which
 * directions, and how to score the best trial on the held-out test rows. Built by {@link
 * ObjectiveFactory#fromConfig}.
 *
 * <p>Thread-safe, like the model objective it wraps.
 */
public final class ConfiguredObjective {
  /** The second objective name for the parameter count of a CNN. */
  public static final String PARAM_COUNT = "param_count";

  private final ModelObjective model;
  private final boolean withSize;
  private final String description;

  ConfiguredObjective(ModelObjective model, boolean withSize, String description) {
    this.model = Objects.requireNonNull(model, "model");
    if (withSize && !(model instanceof CnnObjective)) {
      throw new IllegalArgumentException(
          "'objectives' param_count is only available for model cnn");
    }
    this.withSize = withSize;
    this.description = description;
  }

  /** The underlying model objective. */
  public ModelObjective model() {
    return model;
  }

  /**
   * The study directions the values need: the metric's, then minimise the parameter count when it
   * is a second objective.
   */
  public List<StudyDirection> directions() {
    StudyDirection metric =
        model.metric().maximize() ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE;
    return withSize ? List.of(metric, StudyDirection.MINIMIZE) : List.of(metric);
  }

  /** Names of the values in {@link #directions()} order, e.g. {@code [accuracy, param_count]}. */
  public List<String> valueNames() {
    return withSize ? List.of(model.metric().key(), PARAM_COUNT) : List.of(model.metric().key());
  }

  /** The values of a trial, one per direction. */
  public MultiObjective multiObjective() {
    if (withSize) {
      CnnObjective cnn = (CnnObjective) model;
      return trial -> cnn.evaluateWithSize(trial);
    }
    return trial -> new double[] {model.evaluate(trial)};
  }

  /**
   * The single value of a trial.
   *
   * @throws IllegalStateException if this objective has two values
   */
  public Objective objective() {
    if (withSize) {
      throw new IllegalStateException(
          "this objective has two values " + valueNames() + "; use multiObjective()");
    }
    return model::evaluate;
  }

  /**
   * Refits the parameters of {@code trial} on the tuning rows and scores the test rows.
   *
   * @throws Exception from the model library
   */
  public HoldoutScore holdout(FrozenTrial trial) throws Exception {
    return holdout(trial.params());
  }

  /** Refits the given parameters (name to user value) and scores the test rows. */
  public HoldoutScore holdout(Map<String, ?> params) throws Exception {
    return model.holdout(params);
  }

  /** One line: model, dataset, metric and validation scheme. */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
