package org.hpo4j.spark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.hpo4j.study.Objective;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;

/**
 * One trial of the tuner: the trial's ParamMap fitted and scored fold by fold, each fold's metric
 * reported as intermediate value {@code fold}, the pruner asked after every fold but the last.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class FoldObjective implements Objective {
  static final String FOLD_METRICS = "fold_metrics";

  private final Estimator estimator;
  private final Evaluator evaluator;
  private final ParamSpace space;
  private final Folds folds;

  FoldObjective(Estimator estimator, Evaluator evaluator, ParamSpace space, Folds folds) {
    this.estimator = estimator;
    this.evaluator = evaluator;
    this.space = space;
    this.folds = folds;
  }

  @Override
  public double evaluate(Trial trial) {
    ParamMap pm = space.toParamMap(trial::suggest);
    List<Double> metrics = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < folds.size(); i++) {
      Model m = (Model) estimator.fit(folds.train().get(i), pm);
      double metric = evaluator.evaluate(m.transform(folds.validation().get(i)));
      metrics.add(metric);
      trial.setUserAttr(FOLD_METRICS, List.copyOf(metrics));
      sum += metric;
      trial.report(i, metric);
      if (i < folds.size() - 1 && trial.shouldPrune()) {
        throw new TrialPrunedException("pruned after fold " + i + " (" + metric + ")");
      }
    }
    return sum / folds.size();
  }

  static TrialMetrics metricsOf(FrozenTrial t) {
    List<Double> folds = new ArrayList<>();
    Object o = t.userAttrs().get(FOLD_METRICS);
    if (o instanceof List<?> l) {
      for (Object x : l) {
        folds.add(((Number) x).doubleValue());
      }
    }
    double mean = folds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new TrialMetrics(
        t.number(),
        t.state().name(),
        t.values().size() == 1 ? t.values().get(0) : mean,
        folds,
        t.params());
  }
}
