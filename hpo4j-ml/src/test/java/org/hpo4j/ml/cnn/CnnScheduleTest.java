package org.hpo4j.ml.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.ml.ObjectiveFactory;
import org.hpo4j.ml.TestData;
import org.hpo4j.space.CategoricalDistribution;
import org.junit.jupiter.api.Test;

/** The {@code lr_schedule} parameter: its default, its study-file check, its rates, its replay. */
class CnnScheduleTest {

  @Test
  void defaults_lrSchedule_isFixedConstant() {
    assertEquals(Optional.of("constant"), CnnSpace.defaults().fixedValue("lr_schedule"));
  }

  @Test
  void fromConfig_unknownSchedule_namesKeyAndAllowedValues() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ObjectiveFactory.fromConfig(
                    Map.of(
                        "model",
                        "cnn",
                        "dataset",
                        TestData.path("digits.csv").toString(),
                        "space",
                        Map.of("lr_schedule", "step"))));
    assertTrue(e.getMessage().contains("'objective.space.lr_schedule'"), e.getMessage());
    assertTrue(e.getMessage().contains("[constant, cosine]"), e.getMessage());
  }

  @Test
  void fromConfig_cosineOrChoice_isAccepted() {
    var fixed =
        ObjectiveFactory.fromConfig(
            Map.of(
                "model",
                "cnn",
                "dataset",
                TestData.path("digits.csv").toString(),
                "space",
                Map.of("lr_schedule", "cosine")));
    assertEquals(Optional.of("cosine"), fixed.model().space().fixedValue("lr_schedule"));
    var tuned =
        ObjectiveFactory.fromConfig(
            Map.of(
                "model",
                "cnn",
                "dataset",
                TestData.path("digits.csv").toString(),
                "space",
                Map.of("lr_schedule", java.util.List.of("constant", "cosine"))));
    assertTrue(
        tuned.model().space().distribution("lr_schedule").orElse(null)
            instanceof CategoricalDistribution);
  }

  @Test
  void learningRate_cosine_annealsFromRateToZeroOverTheUpdates() {
    Tracker t = CnnTraining.learningRate("cosine", 0.01f, 100);
    assertEquals(0.01f, t.getNewValue(0), 1e-7);
    assertEquals(0.005f, t.getNewValue(50), 1e-6);
    assertEquals(0.0f, t.getNewValue(100), 1e-7);
    assertTrue(t.getNewValue(30) > t.getNewValue(31));
  }

  @Test
  void learningRate_constant_staysAtRate() {
    Tracker t = CnnTraining.learningRate("constant", 0.01f, 100);
    assertEquals(0.01f, t.getNewValue(1), 0f);
    assertEquals(0.01f, t.getNewValue(100), 0f);
  }

  @Test
  void learningRate_unknown_throwsNamingKey() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> CnnTraining.learningRate("step", 0.01f, 100));
    assertEquals("'lr_schedule' must be one of [constant, cosine], but got 'step'", e.getMessage());
  }

  /** The child trains with the schedule its parent's study chose, not the default. */
  @Test
  void trialMainSpace_parentSchedule_overridesTheFixedDefault() {
    assertEquals(
        Optional.of("cosine"),
        CnnTrialMain.space(Map.of("lr_schedule", "cosine")).fixedValue("lr_schedule"));
    assertEquals(
        Optional.of("constant"),
        CnnTrialMain.space(Map.of("learning_rate", 0.01)).fixedValue("lr_schedule"));
  }
}
