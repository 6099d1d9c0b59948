package org.hpo4j.ml.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.RecordingTrial;
import org.hpo4j.ml.TestData;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.TrialPrunedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XGBoostObjectiveTest {
  private static Dataset iris;
  private static Dataset cancer;
  private static final SearchSpace SMALL =
      XGBoostSpace.defaults().withOverrides(Map.of("n_estimators", Map.of("low", 10, "high", 40)));

  @BeforeAll
  static void load() throws IOException {
    iris = CsvLoader.load(TestData.path("iris.csv"));
    cancer = CsvLoader.load(TestData.path("breast_cancer.csv"));
  }

  private static XGBoostSettings settings(Metric m) {
    return new XGBoostSettings(m, 3, 0.2, 5, 5, 1, 42);
  }

  @Test
  void evaluate_iris_accuracyHighAndReportsPerChunk() throws Exception {
    var o = new XGBoostObjective(iris, SMALL, settings(Metric.ACCURACY));
    var s = new RecordingTrial(1);
    double acc = o.evaluate(s);
    assertTrue(acc > 0.8 && acc <= 1.0, "accuracy " + acc);
    assertEquals(10, s.params.size());
    assertTrue(s.reports.size() >= 2, "reports " + s.reports.size());
    assertEquals(5.0, s.reports.get(0)[0]);
    assertEquals(acc, s.reports.get(s.reports.size() - 1)[1], 1e-12);
    assertTrue(s.attrs.containsKey("best_rounds"));
  }

  @Test
  void evaluate_sameParams_sameValue() throws Exception {
    var o = new XGBoostObjective(cancer, SMALL, settings(Metric.LOGLOSS));
    double a = o.evaluate(new RecordingTrial(3));
    double b = o.evaluate(new RecordingTrial(3));
    assertEquals(a, b, 0.0);
    assertTrue(a > 0 && a < 0.7, "logloss " + a);
  }

  @Test
  void evaluate_foldsOnSeveralThreads_sameValueAndReportsAsOneThread() throws Exception {
    var one = new RecordingTrial(7);
    var three = new RecordingTrial(7);
    double a = new XGBoostObjective(cancer, SMALL, settings(Metric.LOGLOSS)).evaluate(one);
    double b =
        new XGBoostObjective(cancer, SMALL, settings(Metric.LOGLOSS).withNthread(3))
            .evaluate(three);
    assertEquals(a, b, 0.0);
    assertEquals(one.reports.size(), three.reports.size());
    for (int i = 0; i < one.reports.size(); i++) {
      assertEquals(one.reports.get(i)[0], three.reports.get(i)[0]);
      assertEquals(one.reports.get(i)[1], three.reports.get(i)[1], 0.0);
    }
  }

  @Test
  void evaluate_reportsEveryChunkOfRounds_stepsAreRoundCounts() throws Exception {
    SearchSpace fixed = XGBoostSpace.defaults().withOverrides(Map.of("n_estimators", 23));
    var s = new RecordingTrial(8);
    new XGBoostObjective(iris, fixed, new XGBoostSettings(Metric.ACCURACY, 3, 0.2, 0, 5, 2, 42))
        .evaluate(s);
    assertEquals(5, s.reports.size());
    double[] steps = s.reports.stream().mapToDouble(r -> r[0]).toArray();
    assertEquals(
        java.util.Arrays.toString(new double[] {5, 10, 15, 20, 23}),
        java.util.Arrays.toString(steps));
  }

  @Test
  void evaluate_auc_binary() throws Exception {
    var o = new XGBoostObjective(cancer, SMALL, settings(Metric.AUC));
    double auc = o.evaluate(new RecordingTrial(4));
    assertTrue(auc > 0.9 && auc <= 1.0, "auc " + auc);
  }

  @Test
  void evaluate_pruneRequested_stopsAfterFirstChunk() throws Exception {
    var o =
        new XGBoostObjective(
            iris,
            XGBoostSpace.defaults().withOverrides(Map.of("n_estimators", 100)),
            new XGBoostSettings(Metric.ACCURACY, 3, 0.2, 0, 5, 1, 42));
    var s = new RecordingTrial(1, 1);
    assertThrows(TrialPrunedException.class, () -> o.evaluate(s));
    assertEquals(1, s.reports.size());
  }

  @Test
  void evaluate_regression_rmse() throws Exception {
    Dataset diabetes = CsvLoader.load(TestData.path("diabetes.csv"));
    var o = new XGBoostObjective(diabetes, SMALL, settings(Metric.RMSE));
    double rmse = o.evaluate(new RecordingTrial(5));
    assertTrue(rmse > 30 && rmse < 100, "rmse " + rmse);
  }

  @Test
  void holdout_replaysParams_scoresTestRows() throws Exception {
    var o = new XGBoostObjective(cancer, SMALL, settings(Metric.ACCURACY));
    var s = new RecordingTrial(6);
    double cv = o.evaluate(s);
    HoldoutScore h = o.holdout(s.params);
    assertEquals(cv, (double) h.details().get("cv_mean"), 0.0);
    assertEquals(114, h.testRows(), 1);
    assertTrue(h.test() > 0.9, "test accuracy " + h.test());
  }

  @Test
  void constructor_aucOnThreeClasses_throwsNamingMetric() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new XGBoostObjective(iris, SMALL, settings(Metric.AUC)));
    assertTrue(e.getMessage().contains("'metric'"), e.getMessage());
  }

  @Test
  void constructor_rmseOnClassification_throwsListingAllowed() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new XGBoostObjective(iris, SMALL, settings(Metric.RMSE)));
    assertTrue(e.getMessage().contains("[accuracy, logloss, auc]"), e.getMessage());
  }

  @Test
  void parseEval_nan_throws() {
    assertEquals(0.25, XGBoostObjective.parseEval("[3]\tvalid-logloss:0.25"));
    assertThrows(
        ArithmeticException.class, () -> XGBoostObjective.parseEval("[3]\tvalid-logloss:nan"));
  }
}
