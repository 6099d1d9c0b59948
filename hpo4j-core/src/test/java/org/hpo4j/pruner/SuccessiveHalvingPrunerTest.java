package org.hpo4j.pruner;

import static org.hpo4j.pruner.CurveRunner.flat;
import static org.hpo4j.pruner.CurveRunner.run;
import static org.hpo4j.pruner.CurveRunner.states;
import static org.hpo4j.pruner.CurveRunner.stepsRun;
import static org.hpo4j.trial.TrialState.COMPLETE;
import static org.hpo4j.trial.TrialState.PRUNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTest {

  /** Flat curves over steps 0..9 with these values, run one after another. */
  private static final double[] VALUES = {5, 3, 4, 1, 6, 2, 7, 0.5, 8};

  private static double[][] flatCurves(double sign) {
    double[][] c = new double[VALUES.length][];
    for (int i = 0; i < VALUES.length; i++) {
      c[i] = flat(sign * VALUES[i], 10);
    }
    return c;
  }

  /**
   * Hand-worked, r = 1, eta = 3, s = 0: rungs at steps 1, 3, 9. At a rung with n values (itself
   * included) a trial goes on when fewer than max(1, n / 3) rivals are strictly better.
   *
   * <pre>
   * trial value rung0 (step 1)             rung1 (step 3)          rung2 (step 9)     result
   *  0     5   {5} n1 keep1 -> up          {5} -> up               {5} -> up          COMPLETE, 10 steps
   *  1     3   {5,3} n2 keep1 -> up        {5,3} -> up             {5,3} -> up        COMPLETE
   *  2     4   {5,3,4} keep1, 3 better     -                       -                  PRUNED at 1 (2 steps)
   *  3     1   n4 keep1 -> up              n3 -> up                n3 -> up           COMPLETE
   *  4     6   n5 keep1, 4 better          -                       -                  PRUNED at 1
   *  5     2   n6 keep2, only 1 better     {5,3,1,2} n4 keep1, 1 better               PRUNED at 3 (4 steps)
   *  6     7   n7 keep2, 6 better          -                       -                  PRUNED at 1
   *  7   0.5   n8 keep2 -> up              n5 keep1 -> up          n4 keep1 -> up     COMPLETE
   *  8     8   n9 keep3, 8 better          -                       -                  PRUNED at 1
   * </pre>
   */
  @Test
  void shouldPrune_handWorkedExample_promotionsMatch() {
    Study study =
        run(
            SuccessiveHalvingPruner.builder()
                .minResource(1)
                .reductionFactor(3)
                .minEarlyStoppingRate(0)
                .build(),
            StudyDirection.MINIMIZE,
            flatCurves(1));
    assertEquals(
        List.of(COMPLETE, COMPLETE, PRUNED, COMPLETE, PRUNED, PRUNED, PRUNED, COMPLETE, PRUNED),
        states(study));
    assertArrayEquals(new int[] {10, 10, 2, 10, 2, 4, 2, 10, 2}, stepsRun(study));
    int[] rungsCompleted =
        study.trials().stream().mapToInt(SuccessiveHalvingPruner::completedRungs).toArray();
    assertArrayEquals(new int[] {3, 3, 1, 3, 1, 2, 1, 3, 1}, rungsCompleted);
    FrozenTrial t5 = study.trials().get(5);
    assertEquals(2.0, SuccessiveHalvingPruner.rungValue(t5, 0));
    assertEquals(2.0, SuccessiveHalvingPruner.rungValue(t5, 1));
    assertNull(SuccessiveHalvingPruner.rungValue(t5, 2));
    assertEquals(7, study.best().number());
  }

  @Test
  void shouldPrune_maximize_mirrorsMinimize() {
    Study study =
        run(
            SuccessiveHalvingPruner.builder()
                .minResource(1)
                .reductionFactor(3)
                .minEarlyStoppingRate(0)
                .build(),
            StudyDirection.MAXIMIZE,
            flatCurves(-1));
    assertArrayEquals(new int[] {10, 10, 2, 10, 2, 4, 2, 10, 2}, stepsRun(study));
  }

  @Test
  void shouldPrune_minEarlyStoppingRate_noPruningBeforeFirstRung() {
    Study study =
        run(
            SuccessiveHalvingPruner.builder()
                .minResource(1)
                .reductionFactor(3)
                .minEarlyStoppingRate(1)
                .build(),
            StudyDirection.MINIMIZE,
            flatCurves(1));
    for (FrozenTrial t : study.trials()) {
      if (t.state() == PRUNED) {
        assertTrue(t.lastStep() >= 3, "trial " + t.number() + " pruned at " + t.lastStep());
      }
    }
    assertEquals(PRUNED, states(study).get(2));
    assertEquals(3, study.trials().get(2).lastStep());
  }

  @Test
  void rungStep_geometric_saturates() {
    SuccessiveHalvingPruner p = new SuccessiveHalvingPruner(2, 4, 1);
    assertEquals(8, p.rungStep(0));
    assertEquals(32, p.rungStep(1));
    assertEquals(Long.MAX_VALUE, p.rungStep(40));
  }

  @Test
  void successiveHalving_badArguments_throwNamingOption() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SuccessiveHalvingPruner.builder()
                    .minResource(1)
                    .reductionFactor(1)
                    .minEarlyStoppingRate(0)
                    .build());
    assertEquals("reduction_factor >= 2 must hold, but got reduction_factor=1", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SuccessiveHalvingPruner.builder()
                .minResource(0)
                .reductionFactor(3)
                .minEarlyStoppingRate(0)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SuccessiveHalvingPruner.builder()
                .minResource(1)
                .reductionFactor(3)
                .minEarlyStoppingRate(-1)
                .build());
  }
}
