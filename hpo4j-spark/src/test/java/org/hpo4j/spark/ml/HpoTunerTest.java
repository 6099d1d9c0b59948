package org.hpo4j.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.pruner.Pruners;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.spark.LocalSpark;
import org.hpo4j.spark.TestData;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpoTunerTest {
  private static SparkSession spark;
  private static Dataset<Row> cancer;
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    spark = LocalSpark.get();
    cancer = Frames.load(spark, TestData.path("breast_cancer.csv").toString()).cache();
  }

  private static MulticlassClassificationEvaluator accuracy() {
    return new MulticlassClassificationEvaluator().setMetricName("accuracy");
  }

  @Test
  void fit_estimatorChoice_fitsOnlyTheChosenEstimatorWithItsOwnParams() {
    SpyLogisticRegression.FITS.clear();
    SpyLogisticRegression lr = new SpyLogisticRegression();
    lr.setMaxIter(5);
    SpyRandomForest rf = new SpyRandomForest();
    rf.setMaxDepth(3);
    GBTClassifier gbt = new GBTClassifier().setMaxIter(3).setMaxDepth(2);
    EstimatorChoice choice =
        new EstimatorChoice()
            .option("lr", lr, ParamSpace.create().floatRange(lr.regParam(), 1e-4, 1, true))
            .option("rf", rf, ParamSpace.create().intRange(rf.numTrees(), 2, 6, false))
            .option("gbt", gbt, ParamSpace.create().floatRange(gbt.stepSize(), 0.05, 0.5, true));
    HpoTunerModel model =
        new HpoTuner()
            .setEstimator(choice)
            .setEvaluator(accuracy())
            .setSearchSpace(ParamSpace.create().choose(choice))
            .setSampler(RandomSampler.builder().seed(3).build())
            .setTrainRatio(0.7)
            .setTrials(8)
            .setParallelism(1)
            .fit(cancer);

    List<String> expected = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (TrialMetrics t : model.trialMetrics()) {
      String chosen = (String) t.params().get("choice.estimator");
      assertEquals(2, t.params().size(), t.toString());
      assertTrue(
          t.params()
              .containsKey(
                  Map.of("lr", "logreg.regParam", "rf", "rfc.numTrees", "gbt", "gbtc.stepSize")
                      .get(chosen)),
          t.toString());
      if (chosen.equals("lr")) {
        expected.add("lr regParam=" + t.params().get("logreg.regParam"));
      } else if (chosen.equals("rf")) {
        expected.add("rf numTrees=" + t.params().get("rfc.numTrees"));
      }
      seen.add(chosen);
    }
    assertTrue(seen.containsAll(List.of("lr", "rf", "gbt")), "every option tried: " + seen);
    String best = (String) model.bestParams().get("choice.estimator");
    if (!best.equals("gbt")) {
      expected.add(
          best.equals("lr")
              ? "lr regParam=" + model.bestParams().get("logreg.regParam")
              : "rf numTrees=" + model.bestParams().get("rfc.numTrees"));
    }
    assertEquals(expected, SpyLogisticRegression.FITS);
  }

  @Test
  void saveLoad_roundTrip_keepsBestModelParamsAndTrials() throws Exception {
    LogisticRegression lr = new LogisticRegression().setMaxIter(5);
    HpoTunerModel model =
        new HpoTuner()
            .setEstimator(lr)
            .setEvaluator(new BinaryClassificationEvaluator())
            .setSearchSpace(
                ParamSpace.create()
                    .floatRange(lr.regParam(), 1e-4, 1, true)
                    .categorical(lr.fitIntercept(), List.of(true, false)))
            .setSampler(RandomSampler.builder().seed(1).build())
            .setTrainRatio(0.7)
            .setTrials(3)
            .fit(cancer);
    String path = dir.resolve("model").toString();
    model.write().save(path);
    HpoTunerModel back = HpoTunerModel.load(path);

    assertEquals(model.uid(), back.uid());
    assertEquals(model.bestParams(), back.bestParams());
    assertEquals(model.trialMetrics(), back.trialMetrics());
    assertEquals(
        model.bestParamMap().get(lr.regParam()).get(),
        back.bestParamMap().get(back.bestModel().getParam("regParam")).get());
    List<Row> a = model.transform(cancer).select("prediction").collectAsList();
    List<Row> b = back.transform(cancer).select("prediction").collectAsList();
    assertEquals(a, b);
  }

  @Test
  void fit_sameStorageAndStudyAgain_resumesTheStudy() {
    String url = "sqlite:" + dir.resolve("tuner.db");
    LogisticRegression lr = new LogisticRegression().setMaxIter(5);
    HpoTunerModel first =
        new HpoTuner()
            .setEstimator(lr)
            .setEvaluator(accuracy())
            .setSearchSpace(ParamSpace.create().floatRange(lr.regParam(), 1e-4, 1, true))
            .setStorage(url)
            .setStudyName("resume")
            .setTrainRatio(0.7)
            .setTrials(3)
            .fit(cancer);
    LogisticRegression again = new LogisticRegression().setMaxIter(5);
    HpoTunerModel second =
        new HpoTuner()
            .setEstimator(again)
            .setEvaluator(accuracy())
            .setSearchSpace(ParamSpace.create().floatRange(again.regParam(), 1e-4, 1, true))
            .setStorage(url)
            .setStudyName("resume")
            .setTrainRatio(0.7)
            .setTrials(5)
            .fit(cancer);

    assertEquals(3, first.trialMetrics().size());
    assertEquals(5, second.trialMetrics().size());
    assertEquals(first.trialMetrics(), second.trialMetrics().subList(0, 3));
    assertEquals(
        List.of(0, 1, 2, 3, 4), second.trialMetrics().stream().map(TrialMetrics::number).toList());
  }

  @Test
  void fit_prunerAfterFirstFold_stopsPoorTrialsWithOneFoldFitted() {
    String url = "sqlite:" + dir.resolve("pruned.db");
    LogisticRegression lr = new LogisticRegression().setMaxIter(5);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new HpoTuner()
                    .setEstimator(lr)
                    .setEvaluator(accuracy())
                    .setSearchSpace(ParamSpace.create().floatRange(lr.regParam(), 1e-4, 1, true))
                    .setPruner(Pruners.create("threshold", Map.of("lower", 0.9999)))
                    .setStorage(url)
                    .setStudyName("p")
                    .setSampler(RandomSampler.builder().seed(0).build())
                    .setNumFolds(3)
                    .setTrials(2)
                    .setParallelism(2)
                    .fit(cancer.limit(200)));
    assertTrue(
        e.getMessage().contains("no trial of study 'p' is COMPLETE {PRUNED=2}"), e.getMessage());
    try (Storage s = Storages.open(url)) {
      List<FrozenTrial> trials = s.trials(s.findStudy("p").orElseThrow(), null);
      assertEquals(2, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.PRUNED, t.state());
        assertEquals(List.of(0), List.copyOf(t.intermediateValues().keySet()));
        assertEquals(1, ((List<?>) t.userAttrs().get(FoldObjective.FOLD_METRICS)).size());
      }
    }
  }

  @Test
  void fit_paramOfAnotherEstimator_namesItAndTheStages() {
    LogisticRegression lr = new LogisticRegression();
    LogisticRegression other = new LogisticRegression();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new HpoTuner()
                    .setEstimator(lr)
                    .setEvaluator(accuracy())
                    .setSearchSpace(ParamSpace.create().floatRange(other.regParam(), 1e-4, 1, true))
                    .fit(cancer));
    assertTrue(
        e.getMessage().contains("'regParam' belongs to '" + other.uid() + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(lr.uid()), e.getMessage());
  }

  @Test
  void fit_emptySpace_saysWhatToAdd() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new HpoTuner()
                    .setEstimator(new LogisticRegression())
                    .setEvaluator(accuracy())
                    .setSearchSpace(ParamSpace.create())
                    .fit(cancer));
    assertTrue(e.getMessage().contains("search space is empty"), e.getMessage());
  }
}
