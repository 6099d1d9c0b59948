package org.hpo4j.pruner;

import static org.hpo4j.pruner.CurveRunner.flat;
import static org.hpo4j.pruner.CurveRunner.run;
import static org.hpo4j.trial.TrialState.COMPLETE;
import static org.hpo4j.trial.TrialState.PRUNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;

class PatientAndThresholdPrunerTest {

  /** Improves for 4 steps, plateaus at 6 for steps 4..9, then improves again. */
  private static final double[] PLATEAU = {10, 9, 8, 7, 6, 6, 6, 6, 6, 6, 5, 4};

  @Test
  void patient_alone_prunesAfterPatiencePlusOneStagnantSteps() {
    Study study =
        run(
            PatientPruner.builder().patience(2).minDelta(0.0).build(),
            StudyDirection.MINIMIZE,
            new double[][] {PLATEAU});
    assertEquals(PRUNED, study.trials().get(0).state());
    // best before the window is 6 (step 4); the window of 3 steps 5, 6, 7 brings nothing better
    assertEquals(7, study.trials().get(0).lastStep());
  }

  @Test
  void patient_longPatience_survivesPlateau() {
    Study study =
        run(
            PatientPruner.builder().patience(6).minDelta(0.0).build(),
            StudyDirection.MINIMIZE,
            new double[][] {PLATEAU});
    assertEquals(COMPLETE, study.trials().get(0).state());
  }

  @Test
  void patient_minDelta_smallImprovementsCountAsStagnation() {
    double[] slow = {10, 9.99, 9.98, 9.97, 9.96, 9.95};
    assertEquals(
        COMPLETE,
        run(
                PatientPruner.builder().patience(1).minDelta(0.0).build(),
                StudyDirection.MINIMIZE,
                new double[][] {slow})
            .trials()
            .get(0)
            .state());
    Study study =
        run(
            PatientPruner.builder().patience(1).minDelta(0.05).build(),
            StudyDirection.MINIMIZE,
            new double[][] {slow});
    assertEquals(PRUNED, study.trials().get(0).state());
    assertEquals(2, study.trials().get(0).lastStep());
  }

  @Test
  void patient_wrapped_prunesOnlyWhenBothAgree() {
    double[][] curves = {
      flat(1, 12), flat(1.1, 12), flat(1.2, 12), flat(0.9, 12), flat(1.3, 12), PLATEAU
    };
    Study wrappedOnly = run(Pruner.median(), StudyDirection.MINIMIZE, curves);
    assertEquals(
        0, wrappedOnly.trials().get(5).lastStep(), "the median pruner alone stops it at once");
    Study patient =
        run(
            PatientPruner.builder().wrapped(Pruner.median()).patience(2).minDelta(0.0).build(),
            StudyDirection.MINIMIZE,
            curves);
    assertEquals(7, patient.trials().get(5).lastStep(), "patience waits for the plateau");
  }

  @Test
  void patient_badArguments_throw() {
    assertEquals(
        "patience >= 0 must hold, but got patience=-1",
        assertThrows(
                IllegalArgumentException.class,
                () -> PatientPruner.builder().patience(-1).minDelta(0).build())
            .getMessage());
    assertEquals(
        "'wrapped' must not be null",
        assertThrows(
                IllegalArgumentException.class,
                () -> PatientPruner.builder().wrapped(null).patience(1).minDelta(0).build())
            .getMessage());
  }

  @Test
  void threshold_divergedLoss_prunedFromFirstTrial() {
    double[] diverging = {1, 0.8, 3, 50, 1e9};
    Study study =
        run(
            ThresholdPruner.builder().lower(Double.NEGATIVE_INFINITY).upper(10).build(),
            StudyDirection.MINIMIZE,
            new double[][] {diverging, flat(1, 5)});
    assertEquals(PRUNED, study.trials().get(0).state());
    assertEquals(3, study.trials().get(0).lastStep());
    assertEquals(COMPLETE, study.trials().get(1).state());
  }

  @Test
  void threshold_warmup_waits() {
    double[] stuck = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    Study study =
        run(
            ThresholdPruner.builder()
                .lower(0.2)
                .upper(Double.POSITIVE_INFINITY)
                .warmupSteps(3)
                .intervalSteps(1)
                .build(),
            StudyDirection.MAXIMIZE,
            new double[][] {stuck});
    assertEquals(3, study.trials().get(0).lastStep());
  }

  @Test
  void threshold_badBounds_throwShowingValues() {
    assertEquals(
        "lower <= upper must hold, but got lower=2.0, upper=1.0",
        assertThrows(
                IllegalArgumentException.class,
                () -> ThresholdPruner.builder().lower(2).upper(1).build())
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ThresholdPruner.builder()
                .lower(Double.NEGATIVE_INFINITY)
                .upper(Double.POSITIVE_INFINITY)
                .build());
  }
}
