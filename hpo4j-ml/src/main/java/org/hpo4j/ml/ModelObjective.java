package org.hpo4j.ml;

import java.util.Map;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.Trial;

/**
 * A model trained and scored on a dataset as an objective to tune: each evaluation draws the
 * model's hyperparameters from a {@link Trial}, fits on training rows and returns a validation
 * score; {@link #holdout(Map)} refits a chosen configuration and scores it once on test rows that
 * no evaluation has seen.
 *
 * <p>Implementations are thread-safe: concurrent evaluations share only immutable data.
 */
public interface ModelObjective {

  /** What {@link #evaluate} returns, and whether larger is better. */
  Metric metric();

  /** The hyperparameters this objective tunes, with their specs. */
  SearchSpace space();

  /** The whole dataset (tuning and test rows). */
  Dataset dataset();

  /**
   * Trains with parameters drawn from {@code trial} and returns the validation score. Reports
   * intermediate scores through {@link Trial#report} and throws {@link
   * org.hpo4j.trial.TrialPrunedException} when {@link Trial#shouldPrune()} says so. A {@link
   * org.hpo4j.trial.FixedTrial} replays one chosen configuration.
   *
   * @throws ArithmeticException if training diverges (NaN)
   * @throws Exception from the underlying library
   */
  double evaluate(Trial trial) throws Exception;

  /**
   * Refits {@code params} (name to external value, as chosen by a study) on all tuning rows and
   * scores the test rows.
   *
   * @throws IllegalArgumentException if a needed parameter is missing or out of range
   * @throws Exception from the underlying library
   */
  HoldoutScore holdout(Map<String, ?> params) throws Exception;
}
