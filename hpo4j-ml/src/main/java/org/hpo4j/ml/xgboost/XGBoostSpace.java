package org.hpo4j.ml.xgboost;

import org.hpo4j.ml.space.SearchSpace;

/**
 * The default XGBoost search space: the ten gradient-boosting parameters tuned in the seed paper,
 * with ranges that suit the small tabular sets shipped with hpo4j. Names are XGBoost's own.
 */
public final class XGBoostSpace {
  private XGBoostSpace() {}

  /** The default space; override per study with {@link SearchSpace#withOverrides}. */
  public static SearchSpace defaults() {
    return SearchSpace.builder()
        .intRange("max_depth", 2, 10, false)
        .floatRange("learning_rate", 0.01, 0.5, true)
        .intRange("n_estimators", 20, 500, false)
        .floatRange("gamma", 0.0, 5.0, false)
        .floatRange("min_child_weight", 0.1, 10.0, true)
        .floatRange("subsample", 0.5, 1.0, false)
        .floatRange("colsample_bytree", 0.5, 1.0, false)
        .floatRange("colsample_bylevel", 0.5, 1.0, false)
        .floatRange("reg_alpha", 1e-8, 10.0, true)
        .floatRange("reg_lambda", 1e-3, 10.0, true)
        .build();
  }
}
