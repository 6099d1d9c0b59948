package org.hpo4j.ml;

import java.util.Map;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.ml.space.Suggester;

/**
 * A model trained and scored on a dataset as an objective to tune: each evaluation draws the
 * model's hyperparameters from a {@link Suggester}, fits on training rows and returns a validation
 * score; {@link #holdout(Map)} refits a chosen configuration and scores it once on test rows that no
 * evaluation has seen.
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
   * Trains with parameters drawn from {@code suggester} and returns the validation score. Reports
   * intermediate scores through {@link Suggester#report} and stops with
   * {@link Suggester#prune()} when {@link Suggester#shouldPrune()} says so.
   *
   * @throws ArithmeticException if training diverges (NaN)
   * @throws Exception from the underlying library
   */
  double evaluate(Suggester suggester) throws Exception;

  /**
   * Refits {@code params} (name to external value, as chosen by a study) on all tuning rows and
   * scores the test rows.
   *
   * @throws IllegalArgumentException if a needed parameter is missing or out of range
   * @throws Exception from the underlying library
   */
  HoldoutScore holdout(Map<String, ?> params) throws Exception;
}
