package org.hpo4j.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.ml.cnn.CnnObjective;
import org.hpo4j.ml.xgboost.XGBoostObjective;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class ObjectiveFactoryTest {

  private static Map<String, Object> config(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static IllegalArgumentException rejects(Map<String, Object> config) {
    return assertThrows(IllegalArgumentException.class, () -> ObjectiveFactory.fromConfig(config));
  }

  private static String iris() {
    return TestData.path("iris.csv").toString();
  }

  @Test
  void fromConfig_xgboost_buildsWithOverridesAndDirection() {
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(
            config(
                "model",
                "xgboost",
                "dataset",
                iris(),
                "folds",
                3,
                "space",
                Map.of("max_depth", Map.of("low", 2, "high", 4))));
    assertTrue(o.model() instanceof XGBoostObjective);
    assertEquals(List.of(StudyDirection.MAXIMIZE), o.directions());
    assertEquals(
        Optional.of(new IntDistribution(2, 4, false, 1)),
        o.model().space().distribution("max_depth"));
    assertTrue(o.describe().contains("3-fold CV accuracy"), o.describe());
  }

  @Test
  void fromConfig_xgboostWithoutNthread_takesTheCoresTheStudyLeavesFree() {
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, Object> c = config("model", "xgboost", "dataset", iris());
    assertTrue(
        ObjectiveFactory.fromConfig(c, Path.of(""), 1)
            .describe()
            .contains("on " + cores + " thread(s) per trial"));
    assertTrue(
        ObjectiveFactory.fromConfig(c, Path.of(""), cores)
            .describe()
            .contains("on 1 thread(s) per trial"));
    assertTrue(
        ObjectiveFactory.fromConfig(
                config("model", "xgboost", "dataset", iris(), "nthread", 3), Path.of(""), cores)
            .describe()
            .contains("on 3 thread(s) per trial"));
  }

  @Test
  void fromConfig_logloss_minimizes() {
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(
            config("model", "xgboost", "dataset", iris(), "metric", "logloss"));
    assertEquals(List.of(StudyDirection.MINIMIZE), o.directions());
  }

  @Test
  void fromConfig_datasetRelativeToBaseDir_isFound() {
    Path dir = TestData.path("iris.csv").getParent();
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(config("model", "xgboost", "dataset", "iris.csv"), dir);
    assertEquals(150, o.model().dataset().rows());
  }

  @Test
  void fromConfig_cnnWithSize_hasTwoDirections() {
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(
            config(
                "model",
                "cnn",
                "dataset",
                TestData.path("digits.csv").toString(),
                "epochs",
                1,
                "objectives",
                List.of("accuracy", "param_count")));
    assertTrue(o.model() instanceof CnnObjective);
    assertEquals(List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), o.directions());
    assertThrows(IllegalStateException.class, o::objective);
  }

  @Test
  void fromConfig_missingModel_throwsNamingField() {
    var e = rejects(config("dataset", iris()));
    assertEquals("'objective.model' is required (a value)", e.getMessage());
  }

  @Test
  void fromConfig_unknownModel_throwsListingAllowed() {
    var e = rejects(config("model", "svm", "dataset", iris()));
    assertEquals("'objective.model' must be one of xgboost, cnn, but got 'svm'", e.getMessage());
  }

  @Test
  void fromConfig_unknownKey_throwsListingAllowed() {
    var e = rejects(config("model", "xgboost", "dataset", iris(), "epochs", 3));
    assertTrue(
        e.getMessage().startsWith("unknown key 'objective.epochs' for model xgboost"),
        e.getMessage());
    assertTrue(e.getMessage().contains("folds"), e.getMessage());
  }

  @Test
  void fromConfig_wrongTypeOrRange_throwsNamingField() {
    var e1 = rejects(config("model", "xgboost", "dataset", iris(), "folds", "five"));
    assertEquals(
        "'objective.folds' must be an integer in [2, 100], but got 'five'", e1.getMessage());
    var e2 = rejects(config("model", "xgboost", "dataset", iris(), "test_fraction", 1.5));
    assertTrue(
        e2.getMessage().startsWith("'objective.test_fraction' must be a number in [0.0, 1.0)"),
        e2.getMessage());
    var e3 = rejects(config("model", "xgboost", "dataset", iris(), "metric", "auc"));
    assertTrue(e3.getMessage().contains("'objective.metric' auc needs 2 classes"), e3.getMessage());
    var e4 = rejects(config("model", "cnn", "dataset", TestData.path("wine.csv").toString()));
    assertTrue(e4.getMessage().contains("side x side"), e4.getMessage());
  }

  @Test
  void fromConfig_nthread_autoOrIntegerOnly() {
    ObjectiveFactory.fromConfig(
        config("model", "xgboost", "dataset", iris(), "nthread", "auto"), Path.of(""), 2);
    var e = rejects(config("model", "xgboost", "dataset", iris(), "nthread", "many"));
    assertEquals(
        "'objective.nthread' must be an integer in [1, 1024] or auto, but got 'many'",
        e.getMessage());
  }

  @Test
  void fromConfig_badSpaceOverride_throwsNamingParameter() {
    var e = rejects(config("model", "xgboost", "dataset", iris(), "space", Map.of("max_dept", 3)));
    assertTrue(
        e.getMessage().startsWith("unknown parameter 'objective.space.max_dept'"), e.getMessage());
    var e2 =
        rejects(
            config(
                "model",
                "xgboost",
                "dataset",
                iris(),
                "space",
                Map.of("learning_rate", Map.of("low", 0.3, "high", 0.1))));
    assertEquals(
        "low <= high must hold for 'objective.space.learning_rate', but got low=0.3, " + "high=0.1",
        e2.getMessage());
  }

  @Test
  void fromConfig_badBoosterName_throwsNamingKeyAndAllowed() {
    var e =
        rejects(
            config(
                "model",
                "xgboost",
                "dataset",
                iris(),
                "space",
                Map.of("booster", List.of("gbtree", "linear"))));
    assertEquals(
        "'objective.space.booster[1]' must be one of [gbtree, gblinear, dart], but got "
            + "'linear'",
        e.getMessage());
    var e2 =
        rejects(
            config("model", "xgboost", "dataset", iris(), "space", Map.of("booster", "forest")));
    assertEquals(
        "'objective.space.booster' must be one of [gbtree, gblinear, dart], but got " + "'forest'",
        e2.getMessage());
  }

  @Test
  void fromConfig_boosterChoices_tunesBoosterDefaultFixesGbtree() {
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(
            config(
                "model",
                "xgboost",
                "dataset",
                iris(),
                "space",
                Map.of("booster", List.of("gbtree", "gblinear", "dart"))));
    assertEquals(
        Optional.of(new CategoricalDistribution(List.of("gbtree", "gblinear", "dart"))),
        o.model().space().distribution("booster"));
    ConfiguredObjective d =
        ObjectiveFactory.fromConfig(config("model", "xgboost", "dataset", iris()));
    assertEquals(Optional.of("gbtree"), d.model().space().fixedValue("booster"));
  }

  @Test
  void fromConfig_missingDatasetOrTarget_throwsNamingField() {
    var e = rejects(config("model", "xgboost", "dataset", "no/such.csv"));
    assertTrue(e.getMessage().startsWith("'objective.dataset' file not found"), e.getMessage());
    var e2 = rejects(config("model", "xgboost", "dataset", iris(), "target", "species"));
    assertTrue(e2.getMessage().contains("target column 'species'"), e2.getMessage());
  }

  @Test
  void study_xgboostIris_runsTrialsAndScoresBestOnTest() throws Exception {
    ConfiguredObjective o =
        ObjectiveFactory.fromConfig(
            config(
                "model",
                "xgboost",
                "dataset",
                iris(),
                "folds",
                3,
                "space",
                Map.of("n_estimators", Map.of("low", 10, "high", 30))));
    Study study =
        Study.builder()
            .name("iris")
            .direction(o.directions().get(0))
            .sampler(RandomSampler.builder().seed(1).build())
            .build();
    study.optimize(o.objective(), 3);
    FrozenTrial best = study.best();
    assertEquals(TrialState.COMPLETE, best.state());
    assertTrue(best.value() > 0.8, "cv accuracy " + best.value());
    assertTrue(best.intermediateValues().size() >= 1);
    assertEquals(10, best.internalParams().size());
    HoldoutScore h = o.holdout(best);
    assertEquals(30, h.testRows());
    assertTrue(h.test() > 0.8, "test accuracy " + h.test());
  }
}
