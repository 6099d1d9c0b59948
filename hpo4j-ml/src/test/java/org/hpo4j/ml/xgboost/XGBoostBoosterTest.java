package org.hpo4j.ml.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.RecordingTrial;
import org.hpo4j.ml.ReplayingTrial;
import org.hpo4j.ml.TestData;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.Splits;
import org.hpo4j.sampler.tpe.TpeSampler;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FixedTrial;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conditional booster space: which parameters each booster draws, and gblinear's scaling. */
class XGBoostBoosterTest {
  private static Dataset iris;
  private static Dataset cancer;

  @BeforeAll
  static void load() throws IOException {
    iris = CsvLoader.load(TestData.path("iris.csv"));
    cancer = CsvLoader.load(TestData.path("breast_cancer.csv"));
  }

  private static XGBoostSettings settings(Metric m, int earlyStopping) {
    return new XGBoostSettings(m, 3, 0.2, earlyStopping, 5, 1, 42);
  }

  private static Map<String, Object> linear(double eta, int rounds) {
    return new HashMap<>(
        Map.of(
            "booster",
            "gblinear",
            "learning_rate",
            eta,
            "n_estimators",
            rounds,
            "linear_reg_alpha",
            1e-6,
            "linear_reg_lambda",
            1e-3,
            "feature_selector",
            "cyclic"));
  }

  @Test
  void draw_tpeOverBoosterSpace_eachTrialHasOnlyItsBoostersParameters() {
    var o = new XGBoostObjective(iris, XGBoostSpace.withBooster(), settings(Metric.ACCURACY, 0));
    Study study =
        Study.builder()
            .name("draw")
            .direction(StudyDirection.MAXIMIZE)
            .sampler(TpeSampler.builder().seed(3).nStartupTrials(10).build())
            .build();
    // only drawing, no training: the value is a cheap function of the configuration
    study.optimize(
        t -> {
          var c = o.draw(t);
          return c.linear() ? 1.0 : c.booster().equals("dart") ? 0.5 : 0.0;
        },
        60);
    Set<String> seen = new HashSet<>();
    for (FrozenTrial t : study.trials()) {
      Set<String> names = t.params().keySet();
      String booster = String.valueOf(t.params().get("booster"));
      seen.add(booster);
      assertTrue(
          names.containsAll(List.of("booster", "learning_rate", "n_estimators")), names.toString());
      for (String p : XGBoostSpace.TREE) {
        assertEquals(!booster.equals("gblinear"), names.contains(p), booster + " " + names);
      }
      for (String p : XGBoostSpace.DART) {
        assertEquals(booster.equals("dart"), names.contains(p), booster + " " + names);
      }
      for (String p : XGBoostSpace.LINEAR) {
        assertEquals(booster.equals("gblinear"), names.contains(p), booster + " " + names);
      }
    }
    assertEquals(Set.copyOf(XGBoostSpace.BOOSTERS), seen);
  }

  @Test
  void draw_defaultSpace_gbtreeWithoutBoosterParameter() {
    var o = new XGBoostObjective(iris, XGBoostSpace.defaults(), settings(Metric.ACCURACY, 0));
    var s = new RecordingTrial(2);
    var c = o.draw(s);
    assertEquals("gbtree", c.booster());
    assertEquals(
        Set.of(
            "max_depth",
            "learning_rate",
            "n_estimators",
            "gamma",
            "min_child_weight",
            "subsample",
            "colsample_bytree",
            "colsample_bylevel",
            "reg_alpha",
            "reg_lambda"),
        s.params.keySet());
  }

  @Test
  void evaluate_gblinearOnBreastCancer_wellAboveChanceAndReportsPerChunk() throws Exception {
    var o = new XGBoostObjective(cancer, XGBoostSpace.withBooster(), settings(Metric.ACCURACY, 10));
    var s = new ReplayingTrial(linear(0.5, 60));
    double acc = o.evaluate(s);
    // 63% of the rows are benign: always answering benign scores 0.63
    assertTrue(acc > 0.93, "cv accuracy " + acc);
    assertTrue(s.reports.size() >= 2, "reports " + s.reports.size());
    assertEquals(acc, s.reports.get(s.reports.size() - 1)[1], 1e-12);
    HoldoutScore h = o.holdout(linear(0.5, 60));
    assertTrue(h.test() > 0.93, "test accuracy " + h.test());
    assertEquals("gblinear", h.details().get("booster"));
  }

  @Test
  void foldRun_gblinearStoppedEarly_scoresTheBestRoundNotTheLast() throws Exception {
    var o = new XGBoostObjective(cancer, XGBoostSpace.withBooster(), settings(Metric.LOGLOSS, 5));
    var c = o.draw(FixedTrial.of(linear(0.5, 300)));
    Splits.Fold fold = Splits.stratifiedKFold(cancer, 3, 1).get(0);
    float[][] f = o.trainValidFeatures(c, fold.train(), fold.valid());
    FoldRun r = new FoldRun(Metric.LOGLOSS, 5, false, true);
    Booster again = null;
    try {
      r.train = new DMatrix(f[0], fold.train().length, cancer.cols(), Float.NaN);
      r.train.setLabel(cancer.targets(fold.train()));
      r.valid = new DMatrix(f[1], fold.valid().length, cancer.cols(), Float.NaN);
      r.valid.setLabel(cancer.targets(fold.valid()));
      r.validTargets = cancer.targets(fold.valid());
      r.booster = XGBoost.train(r.train, c.params(), 0, new HashMap<>(), null, null);
      r.advance(300);
      assertFalse(r.active, "the fold should have stopped early");
      assertTrue(r.roundsDone > r.bestRound + 1);
      // gblinear with one thread and cyclic updates is deterministic: retrain to the best round
      again = XGBoost.train(r.train, c.params(), r.bestRound + 1, new HashMap<>(), null, null);
      double best = Metric.LOGLOSS.score(again.predict(r.valid), r.validTargets);
      assertEquals(best, r.score, 1e-9);
      double last = Metric.LOGLOSS.score(r.booster.predict(r.valid), r.validTargets);
      assertTrue(last > r.score, "last " + last + " vs best " + r.score);
    } finally {
      if (again != null) {
        again.dispose();
      }
      r.dispose();
    }
  }

  @Test
  void evaluate_dartOnIris_accurateAndReportsPerChunk() throws Exception {
    var o = new XGBoostObjective(iris, XGBoostSpace.withBooster(), settings(Metric.ACCURACY, 5));
    Map<String, Object> p =
        new HashMap<>(
            Map.of(
                "booster",
                "dart",
                "max_depth",
                3,
                "learning_rate",
                0.3,
                "n_estimators",
                20,
                "gamma",
                0.0,
                "min_child_weight",
                1.0,
                "subsample",
                1.0,
                "colsample_bytree",
                1.0,
                "colsample_bylevel",
                1.0,
                "reg_alpha",
                1e-6));
    p.putAll(
        Map.of(
            "reg_lambda",
            1.0,
            "sample_type",
            "uniform",
            "normalize_type",
            "tree",
            "rate_drop",
            0.1,
            "skip_drop",
            0.5));
    var s = new ReplayingTrial(p);
    double acc = o.evaluate(s);
    assertTrue(acc > 0.85, "cv accuracy " + acc);
    assertTrue(s.reports.size() >= 2, "reports " + s.reports.size());
  }

  @Test
  void trainValidFeatures_gblinear_scaledByTrainingRowsOnly() {
    var o = new XGBoostObjective(cancer, XGBoostSpace.withBooster(), settings(Metric.ACCURACY, 0));
    var c = o.draw(FixedTrial.of(linear(0.3, 20)));
    Splits.Fold fold = Splits.stratifiedKFold(cancer, 3, 1).get(0);
    float[][] f = o.trainValidFeatures(c, fold.train(), fold.valid());
    int cols = cancer.cols();
    for (int j = 0; j < cols; j++) {
      double[] train = column(f[0], cols, j);
      assertEquals(0.0, mean(train), 1e-4, "train mean of column " + j);
      assertEquals(1.0, sd(train), 1e-3, "train sd of column " + j);
      double[] raw = new double[fold.train().length];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = cancer.feature(fold.train()[i], j);
      }
      double m = mean(raw);
      double s = sd(raw);
      for (int i = 0; i < fold.valid().length; i++) {
        double expected = (cancer.feature(fold.valid()[i], j) - m) / s;
        assertEquals(expected, f[1][i * cols + j], 1e-4 * Math.max(1, Math.abs(expected)));
      }
    }
    // the check above can fail: the statistics of all rows differ from the training rows'
    double[] all = new double[cancer.rows()];
    for (int i = 0; i < all.length; i++) {
      all[i] = cancer.feature(i, 0);
    }
    double[] rawTrain = new double[fold.train().length];
    for (int i = 0; i < rawTrain.length; i++) {
      rawTrain[i] = cancer.feature(fold.train()[i], 0);
    }
    assertNotEquals(mean(all), mean(rawTrain), 1e-3);
  }

  @Test
  void trainValidFeatures_gbtree_rawFeatures() {
    var o = new XGBoostObjective(cancer, XGBoostSpace.defaults(), settings(Metric.ACCURACY, 0));
    var c = o.draw(new RecordingTrial(1));
    int[] rows = {0, 1, 2};
    int[] other = {3, 4};
    float[][] f = o.trainValidFeatures(c, rows, other);
    assertArrayEquals(cancer.features(rows), f[0]);
    assertArrayEquals(cancer.features(other), f[1]);
  }

  @Test
  void evaluate_gblinearTestRowsChanged_cvValueUnchanged() throws Exception {
    var settings = settings(Metric.LOGLOSS, 0);
    var o = new XGBoostObjective(cancer, XGBoostSpace.withBooster(), settings);
    double before = o.evaluate(FixedTrial.of(linear(0.3, 20)));
    // move every test row far away: statistics fitted on them would change every fold's scaling
    float[] features = cancer.features(allRows(cancer.rows()));
    for (int r : o.testRows()) {
      for (int j = 0; j < cancer.cols(); j++) {
        features[r * cancer.cols() + j] = features[r * cancer.cols() + j] * 50 + 1000;
      }
    }
    Dataset shifted =
        new Dataset(
            cancer.name(),
            cancer.featureNames(),
            cancer.targetName(),
            cancer.task(),
            cancer.classLabels(),
            features,
            cancer.targets(allRows(cancer.rows())));
    var o2 = new XGBoostObjective(shifted, XGBoostSpace.withBooster(), settings);
    assertEquals(before, o2.evaluate(FixedTrial.of(linear(0.3, 20))), 0.0);
    assertFalse(java.util.Arrays.equals(o.testRows(), new int[0]));
  }

  @Test
  void holdout_loglossMetric_alsoGivesTestAccuracy() throws Exception {
    var o = new XGBoostObjective(cancer, XGBoostSpace.withBooster(), settings(Metric.LOGLOSS, 5));
    HoldoutScore h = o.holdout(linear(0.5, 40));
    double acc = (double) h.details().get("test_accuracy");
    assertTrue(acc > 0.9 && acc <= 1.0, "test accuracy " + acc);
    assertTrue(h.test() < 0.3, "test log loss " + h.test());
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static double[] column(float[] rowMajor, int cols, int j) {
    double[] out = new double[rowMajor.length / cols];
    for (int i = 0; i < out.length; i++) {
      out[i] = rowMajor[i * cols + j];
    }
    return out;
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double sd(double[] a) {
    double m = mean(a);
    double s = 0;
    for (double v : a) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / a.length);
  }
}
