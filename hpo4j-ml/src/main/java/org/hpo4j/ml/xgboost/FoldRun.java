package org.hpo4j.ml.xgboost;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.hpo4j.ml.Metric;

/**
 * One cross-validation fold of one configuration: its booster, early-stopping state and its score
 * at the best round so far. Confined to one thread at a time (the evaluation hands it to a pool
 * thread and waits); owns native memory until {@link #dispose()}.
 */
final class FoldRun {
  private final Metric metric;
  private final int earlyStoppingRounds;
  private final boolean lossMaximized;

  /** gblinear: XGBoost cannot predict at an earlier round, so keep the best round's predictions. */
  private final boolean keepBestPredictions;

  private float[][] bestPredictions;
  DMatrix train;
  DMatrix valid;
  float[] validTargets;
  Booster booster;
  boolean active = true;

  /** Rounds boosted so far. */
  int roundsDone;

  /** 0-based round with the best validation loss, -1 before the first. */
  int bestRound = -1;

  private double bestLoss = Double.NaN;

  /** The metric on the validation rows at {@link #bestRound}. */
  double score = Double.NaN;

  private int scoredAt = -1;

  FoldRun(
      Metric metric, int earlyStoppingRounds, boolean lossMaximized, boolean keepBestPredictions) {
    this.metric = metric;
    this.earlyStoppingRounds = earlyStoppingRounds;
    this.lossMaximized = lossMaximized;
    this.keepBestPredictions = keepBestPredictions;
  }

  /**
   * Boosts up to round {@code target} (exclusive), stopping early when the validation loss has not
   * improved for {@code earlyStoppingRounds} rounds, then scores the best round.
   *
   * @throws ArithmeticException if the validation loss or a prediction is NaN
   */
  void advance(int target) throws XGBoostError {
    DMatrix[] evalMats = {valid};
    String[] evalNames = {"valid"};
    while (active && roundsDone < target) {
      int round = roundsDone++;
      booster.update(train, round);
      double loss = XGBoostObjective.parseEval(booster.evalSet(evalMats, evalNames, round));
      boolean better = bestRound < 0 || (lossMaximized ? loss > bestLoss : loss < bestLoss);
      if (better) {
        bestLoss = loss;
        bestRound = round;
        if (keepBestPredictions) {
          bestPredictions = booster.predict(valid);
        }
      } else if (earlyStoppingRounds > 0 && round - bestRound >= earlyStoppingRounds) {
        active = false;
      }
    }
    if (scoredAt != bestRound) {
      float[][] predictions =
          keepBestPredictions ? bestPredictions : booster.predict(valid, false, bestRound + 1);
      score = metric.score(predictions, validTargets);
      scoredAt = bestRound;
    }
  }

  void dispose() {
    if (booster != null) {
      booster.dispose();
    }
    if (train != null) {
      train.dispose();
    }
    if (valid != null) {
      valid.dispose();
    }
  }
}
