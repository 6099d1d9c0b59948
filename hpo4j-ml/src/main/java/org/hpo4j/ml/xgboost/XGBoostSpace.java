package org.hpo4j.ml.xgboost;

import java.util.List;
import java.util.Map;
import org.hpo4j.ml.space.SearchSpace;

/**
 * The default XGBoost search space: the ten gradient-boosting parameters tuned in the seed paper,
 * with ranges that suit the small tabular sets shipped with hpo4j. Names are XGBoost's own.
 *
 * <p>The booster is fixed to {@code gbtree} by default (the paper's space). A study file opts into
 * a conditional space by tuning it, {@code space: {booster: [gbtree, gblinear, dart]}}: the tree
 * parameters ({@link #TREE}, with reg_alpha and reg_lambda) are then drawn only for gbtree and
 * dart, the dropout parameters ({@link #DART}) only for dart, {@link #LINEAR} only for gblinear;
 * learning_rate and n_estimators for every booster. gblinear sees standardized features (see {@link
 * XGBoostObjective}).
 *
 * <p>gblinear has penalties of its own, {@code linear_reg_alpha} and {@code linear_reg_lambda}
 * (XGBoost's alpha and lambda, in [1e-8, 1] as in Optuna's XGBoost example), because XGBoost
 * multiplies a linear model's penalties by the total instance weight, i.e. the row count: the tree
 * ranges (lambda up to 10 per leaf) would mean a penalty hundreds of times the data's own weight,
 * and most of TPE's prior mass would go to models shrunk to a constant.
 */
public final class XGBoostSpace {
  /** The boosters XGBoost offers. */
  public static final List<String> BOOSTERS = List.of("gbtree", "gblinear", "dart");

  /** Parameters drawn only for the tree boosters, gbtree and dart. */
  public static final List<String> TREE =
      List.of(
          "max_depth",
          "gamma",
          "min_child_weight",
          "subsample",
          "colsample_bytree",
          "colsample_bylevel",
          "reg_alpha",
          "reg_lambda");

  /** Parameters drawn only for dart. */
  public static final List<String> DART =
      List.of("sample_type", "normalize_type", "rate_drop", "skip_drop");

  /** Parameters drawn only for gblinear. */
  public static final List<String> LINEAR =
      List.of("linear_reg_alpha", "linear_reg_lambda", "feature_selector");

  private XGBoostSpace() {}

  /** The default space; override per study with {@link SearchSpace#withOverrides}. */
  public static SearchSpace defaults() {
    return SearchSpace.builder()
        .stringFixed("booster", "gbtree", BOOSTERS.toArray(String[]::new))
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
        .stringChoice("sample_type", "uniform", "weighted")
        .stringChoice("normalize_type", "tree", "forest")
        .floatRange("rate_drop", 1e-3, 0.5, true)
        .floatRange("skip_drop", 1e-3, 0.9, true)
        .floatRange("linear_reg_alpha", 1e-8, 1.0, true)
        .floatRange("linear_reg_lambda", 1e-8, 1.0, true)
        .stringChoice("feature_selector", "cyclic", "shuffle")
        .build();
  }

  /** The default space with the booster tuned among all of {@link #BOOSTERS}. */
  public static SearchSpace withBooster() {
    return defaults().withOverrides(Map.of("booster", BOOSTERS));
  }
}
