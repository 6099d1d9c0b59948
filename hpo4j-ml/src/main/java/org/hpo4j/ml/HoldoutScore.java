package org.hpo4j.ml;

import java.util.Map;

/**
 * The score of one configuration refitted on the training and validation rows and measured once on
 * the held-out test rows, which no trial has seen.
 *
 * @param metric the metric of {@code test} and {@code validation}
 * @param test the score on the test rows
 * @param trainRows rows used for the refit
 * @param testRows rows scored
 * @param details model-specific facts, e.g. boosting rounds, the cross-validation mean of the same
 *     configuration, or the parameter count
 */
public record HoldoutScore(
    Metric metric, double test, int trainRows, int testRows, Map<String, Object> details) {
  public HoldoutScore {
    details = Map.copyOf(details);
  }

  /** {@code 1 - accuracy} for accuracy, otherwise the test score. */
  public double testError() {
    return metric == Metric.ACCURACY ? 1.0 - test : test;
  }
}
