package org.hpo4j.spark.ml;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One trial of a tuning run, as the fitted model keeps it.
 *
 * @param number the trial's number in the study
 * @param state COMPLETE, PRUNED or FAIL
 * @param metric the mean of its fold metrics (NaN when it has none)
 * @param foldMetrics the evaluator's metric on each fold it fitted, in order
 * @param params its parameters, by study name (user values)
 */
public record TrialMetrics(
    int number, String state, double metric, List<Double> foldMetrics, Map<String, Object> params)
    implements Serializable {
  public TrialMetrics {
    foldMetrics = List.copyOf(foldMetrics);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
