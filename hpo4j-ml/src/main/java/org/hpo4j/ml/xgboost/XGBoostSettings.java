package org.hpo4j.ml.xgboost;

import org.hpo4j.ml.Metric;

/**
 * How {@link XGBoostObjective} validates a configuration; everything here is fixed for a study.
 *
 * @param metric the score to return (its task must match the dataset's)
 * @param folds number of cross-validation folds, at least 2
 * @param testFraction share of rows held out for the final test, in [0, 1); 0 disables {@link
 *     XGBoostObjective#holdout}
 * @param earlyStoppingRounds stop a fold after this many rounds without improvement of the
 *     validation loss (log loss, RMSE, or AUC for the AUC metric); 0 disables
 * @param reportEvery rounds per intermediate report, at least 1
 * @param nthread threads per evaluation, at least 1: they train the folds side by side, each
 *     booster single-threaded, so results do not depend on it
 * @param seed seeds the splits and XGBoost's row and column sampling
 */
public record XGBoostSettings(
    Metric metric,
    int folds,
    double testFraction,
    int earlyStoppingRounds,
    int reportEvery,
    int nthread,
    long seed) {

  /**
   * @throws IllegalArgumentException naming the field whose value is out of range
   */
  public XGBoostSettings {
    if (metric == null) {
      throw new IllegalArgumentException("'metric' must be given");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("'folds' must be >= 2, but got " + folds);
    }
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "'test_fraction' must be in [0, 1), but got " + testFraction);
    }
    if (earlyStoppingRounds < 0) {
      throw new IllegalArgumentException(
          "'early_stopping_rounds' must be >= 0, but got " + earlyStoppingRounds);
    }
    if (reportEvery < 1) {
      throw new IllegalArgumentException("'report_every' must be >= 1, but got " + reportEvery);
    }
    if (nthread < 1) {
      throw new IllegalArgumentException("'nthread' must be >= 1, but got " + nthread);
    }
  }

  /** 5-fold CV of {@code metric}, 20% test, early stopping after 20 rounds, one thread. */
  public static XGBoostSettings defaults(Metric metric, long seed) {
    return new XGBoostSettings(metric, 5, 0.2, 20, 10, 1, seed);
  }

  public XGBoostSettings withNthread(int n) {
    return new XGBoostSettings(
        metric, folds, testFraction, earlyStoppingRounds, reportEvery, n, seed);
  }

  public XGBoostSettings withFolds(int k) {
    return new XGBoostSettings(
        metric, k, testFraction, earlyStoppingRounds, reportEvery, nthread, seed);
  }
}
