package org.hpo4j.ml.xgboost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.ModelObjective;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.Splits;
import org.hpo4j.ml.data.Task;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.ml.space.Suggester;

/**
 * Tunes an XGBoost model by k-fold cross-validation on the tuning rows (all rows but a stratified
 * test share). The folds are boosted in lockstep, one round at a time; each fold stops early when
 * its validation loss has not improved for {@code early_stopping_rounds} and is scored at its best
 * round. Every {@code report_every} rounds the mean fold score so far is reported, so that a pruner
 * can stop a poor configuration after a few chunks.
 *
 * <p>Thread-safe: each evaluation builds its own matrices and boosters; XGBoost uses
 * {@code nthread} threads per evaluation.
 */
public final class XGBoostObjective implements ModelObjective {
  private final Dataset data;
  private final SearchSpace space;
  private final XGBoostSettings settings;
  private final Splits.TrainValidTest split;
  private final List<Splits.Fold> folds;

  /**
   * @throws IllegalArgumentException if the metric does not fit the dataset or the tuning rows are
   *     too few for the folds
   */
  public XGBoostObjective(Dataset data, SearchSpace space, XGBoostSettings settings) {
    settings.metric().checkFits("metric", data.task(), data.classCount());
    this.data = data;
    this.space = space;
    this.settings = settings;
    this.split = Splits.trainValidTest(data, 0.0, settings.testFraction(), settings.seed());
    this.folds = Splits.stratifiedKFold(data, split.train(), settings.folds(), settings.seed());
  }

  @Override
  public Metric metric() {
    return settings.metric();
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public Dataset dataset() {
    return data;
  }

  /** Cross-validation result of one configuration. */
  record CvResult(double mean, double std, double meanBestRounds) {}

  @Override
  public double evaluate(Suggester suggester) throws XGBoostError {
    Config c = draw(suggester);
    CvResult cv = crossValidate(c, suggester);
    suggester.setUserAttr("cv_std", cv.std());
    suggester.setUserAttr("best_rounds", cv.meanBestRounds());
    return cv.mean();
  }

  @Override
  public HoldoutScore holdout(Map<String, ?> params) throws XGBoostError {
    int[] test = split.test();
    if (test.length == 0) {
      throw new IllegalStateException("holdout needs test_fraction > 0, but it is 0");
    }
    Config c = draw(Suggester.fixed(params));
    CvResult cv = crossValidate(c, new Suggester() {
      @Override
      public double suggestFloat(String n, double lo, double hi, boolean log) {
        throw new IllegalStateException();
      }

      @Override
      public long suggestInt(String n, long lo, long hi, boolean log) {
        throw new IllegalStateException();
      }

      @Override
      public <T> T suggestCategorical(String n, List<T> choices) {
        throw new IllegalStateException();
      }
    });
    int rounds = Math.max(1, (int) Math.round(cv.meanBestRounds()));
    int[] dev = split.train();
    DMatrix train = matrix(dev);
    DMatrix testMatrix = matrix(test);
    Booster booster = null;
    try {
      booster = XGBoost.train(train, c.params(), rounds, new HashMap<>(), null, null);
      double score = metric().score(booster.predict(testMatrix), data.targets(test));
      return new HoldoutScore(metric(), score, dev.length, test.length,
          Map.of("rounds", rounds, "cv_mean", cv.mean(), "cv_std", cv.std()));
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      train.dispose();
      testMatrix.dispose();
    }
  }

  /** XGBoost parameters and the maximum number of rounds of one configuration. */
  record Config(Map<String, Object> params, int rounds) {}

  Config draw(Suggester s) {
    Map<String, Object> p = new HashMap<>();
    p.put("max_depth", space.suggestInt(s, "max_depth"));
    p.put("eta", space.suggestDouble(s, "learning_rate"));
    int rounds = space.suggestInt(s, "n_estimators");
    p.put("gamma", space.suggestDouble(s, "gamma"));
    p.put("min_child_weight", space.suggestDouble(s, "min_child_weight"));
    p.put("subsample", space.suggestDouble(s, "subsample"));
    p.put("colsample_bytree", space.suggestDouble(s, "colsample_bytree"));
    p.put("colsample_bylevel", space.suggestDouble(s, "colsample_bylevel"));
    p.put("alpha", space.suggestDouble(s, "reg_alpha"));
    p.put("lambda", space.suggestDouble(s, "reg_lambda"));
    if (rounds < 1) {
      throw new IllegalArgumentException("'n_estimators' must be >= 1, but got " + rounds);
    }
    p.put("tree_method", "hist");
    p.put("nthread", settings.nthread());
    p.put("seed", settings.seed());
    p.put("verbosity", 0);
    if (data.task() == Task.REGRESSION) {
      p.put("objective", "reg:squarederror");
      p.put("eval_metric", "rmse");
    } else if (data.classCount() == 2) {
      p.put("objective", "binary:logistic");
      p.put("eval_metric", metric() == Metric.AUC ? "auc" : "logloss");
    } else {
      p.put("objective", "multi:softprob");
      p.put("num_class", data.classCount());
      p.put("eval_metric", "mlogloss");
    }
    return new Config(p, rounds);
  }

  private boolean lossMaximized() {
    return metric() == Metric.AUC;
  }

  /** One fold's booster and early-stopping state. */
  private static final class FoldRun {
    DMatrix train;
    DMatrix valid;
    float[] validTargets;
    Booster booster;
    double bestLoss = Double.NaN;
    int bestRound = -1;
    boolean active = true;
    double score = Double.NaN;
    int scoredAt = -1;
  }

  CvResult crossValidate(Config c, Suggester s) throws XGBoostError {
    List<FoldRun> runs = new ArrayList<>();
    try {
      for (Splits.Fold f : folds) {
        FoldRun r = new FoldRun();
        runs.add(r);
        r.train = matrix(f.train());
        r.valid = matrix(f.valid());
        r.validTargets = data.targets(f.valid());
        r.booster = XGBoost.train(r.train, c.params(), 0, new HashMap<>(), null, null);
      }
      DMatrix[] evalMats = new DMatrix[1];
      String[] evalNames = {"valid"};
      for (int round = 0; round < c.rounds(); round++) {
        boolean anyActive = false;
        for (FoldRun r : runs) {
          if (!r.active) {
            continue;
          }
          r.booster.update(r.train, round);
          evalMats[0] = r.valid;
          double loss = parseEval(r.booster.evalSet(evalMats, evalNames, round));
          boolean better = r.bestRound < 0
              || (lossMaximized() ? loss > r.bestLoss : loss < r.bestLoss);
          if (better) {
            r.bestLoss = loss;
            r.bestRound = round;
          } else if (settings.earlyStoppingRounds() > 0
              && round - r.bestRound >= settings.earlyStoppingRounds()) {
            r.active = false;
          }
          anyActive |= r.active;
        }
        boolean last = !anyActive || round == c.rounds() - 1;
        if (last || (round + 1) % settings.reportEvery() == 0) {
          double mean = scoreFolds(runs);
          s.report(round + 1, mean);
          if (!last && s.shouldPrune()) {
            throw s.prune();
          }
        }
        if (last) {
          break;
        }
      }
      double[] scores = runs.stream().mapToDouble(r -> r.score).toArray();
      double mean = mean(scores);
      double var = 0;
      for (double v : scores) {
        var += (v - mean) * (v - mean);
      }
      double bestRounds = runs.stream().mapToInt(r -> r.bestRound + 1).average().orElse(0);
      return new CvResult(mean, Math.sqrt(var / Math.max(1, scores.length - 1)), bestRounds);
    } finally {
      for (FoldRun r : runs) {
        if (r.booster != null) {
          r.booster.dispose();
        }
        if (r.train != null) {
          r.train.dispose();
        }
        if (r.valid != null) {
          r.valid.dispose();
        }
      }
    }
  }

  /** Scores each fold at its best round so far (re-predicting only when that round moved). */
  private double scoreFolds(List<FoldRun> runs) throws XGBoostError {
    double[] scores = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      FoldRun r = runs.get(i);
      if (r.scoredAt != r.bestRound) {
        r.score = metric().score(r.booster.predict(r.valid, false, r.bestRound + 1),
            r.validTargets);
        r.scoredAt = r.bestRound;
      }
      scores[i] = r.score;
    }
    return mean(scores);
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  /** Parses the value of XGBoost's evaluation line, e.g. {@code [9]\tvalid-logloss:0.10786}. */
  static double parseEval(String line) {
    String text = line.substring(line.lastIndexOf(':') + 1).trim();
    double v = text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("-nan") ? Double.NaN
        : Double.parseDouble(text);
    if (Double.isNaN(v)) {
      throw new ArithmeticException("XGBoost's validation loss is NaN: " + line.trim());
    }
    return v;
  }

  private DMatrix matrix(int[] rows) throws XGBoostError {
    DMatrix m = new DMatrix(data.features(rows), rows.length, data.cols(), Float.NaN);
    m.setLabel(data.targets(rows));
    return m;
  }
}
