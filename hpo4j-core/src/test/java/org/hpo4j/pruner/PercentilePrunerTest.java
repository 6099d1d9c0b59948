package org.hpo4j.pruner;

import static org.hpo4j.pruner.CurveRunner.flat;
import static org.hpo4j.pruner.CurveRunner.hyperbolic;
import static org.hpo4j.pruner.CurveRunner.run;
import static org.hpo4j.pruner.CurveRunner.states;
import static org.hpo4j.pruner.CurveRunner.stepsRun;
import static org.hpo4j.trial.TrialState.COMPLETE;
import static org.hpo4j.trial.TrialState.PRUNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class PercentilePrunerTest {

  /**
   * Five startup curves a + 1/(t+1), a = 1..5, then a = 10 (bad), 0.5 (best), 8 (bad), 2
   * (middling).
   */
  private static double[][] curves(double sign) {
    double[] a = {1, 2, 3, 4, 5, 10, 0.5, 8, 2.0};
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = hyperbolic(sign * a[i], sign, 10);
    }
    return c;
  }

  @Test
  void median_badCurvesAfterStartup_prunedAndBestKept() {
    Study study = run(Pruner.median(), StudyDirection.MINIMIZE, curves(1));
    List<TrialState> s = states(study);
    assertEquals(
        List.of(
            COMPLETE, COMPLETE, COMPLETE, COMPLETE, COMPLETE, PRUNED, COMPLETE, PRUNED, COMPLETE),
        s);
    assertEquals(6, study.best().number());
    assertEquals(
        1, stepsRun(study)[5], "the a=10 curve is worse than the median at its first step");
  }

  @Test
  void median_maximize_prunesLowCurvesAndKeepsBest() {
    Study study = run(Pruner.median(), StudyDirection.MAXIMIZE, curves(-1));
    assertEquals(PRUNED, states(study).get(5));
    assertEquals(PRUNED, states(study).get(7));
    assertEquals(6, study.best().number());
  }

  @Test
  void percentile_startupTrials_neverPrunesBeforeEnoughComplete() {
    double[][] c = curves(1);
    c[2] = flat(100, 10); // terrible, but within the 5 startup trials
    Study study = run(Pruner.median(), StudyDirection.MINIMIZE, c);
    assertEquals(COMPLETE, states(study).get(2));
    assertEquals(10, stepsRun(study)[2]);
  }

  @Test
  void percentile_warmupSteps_neverPrunesBeforeWarmup() {
    Study study =
        run(
            PercentilePruner.builder().percentile(50).warmupSteps(3).build(),
            StudyDirection.MINIMIZE,
            curves(1));
    assertEquals(PRUNED, states(study).get(5));
    int[] steps = stepsRun(study);
    for (var t : study.trials()) {
      if (t.state() == PRUNED) {
        assertTrue(t.lastStep() >= 3, "trial " + t.number() + " pruned at step " + t.lastStep());
      }
    }
    assertEquals(4, steps[5], "pruned at the first step after warm-up, step 3");
  }

  /**
   * Others are at 5 until step 3, then at 1; a flat curve at 2 is first worse than the median at
   * step 4.
   */
  private static double[][] crossingCurves() {
    double[][] c = new double[6][];
    for (int i = 0; i < 5; i++) {
      c[i] = new double[10];
      for (int t = 0; t < 10; t++) {
        c[i][t] = t < 4 ? 5 + 0.1 * i : 1 + 0.1 * i;
      }
    }
    c[5] = flat(2, 10);
    return c;
  }

  @Test
  void percentile_intervalSteps_checksOnlyFirstStepOfEachWindow() {
    Study every = run(Pruner.median(), StudyDirection.MINIMIZE, crossingCurves());
    assertEquals(4, every.trials().get(5).lastStep());
    Study windows =
        run(
            PercentilePruner.builder().percentile(50).warmupSteps(2).intervalSteps(3).build(),
            StudyDirection.MINIMIZE,
            crossingCurves());
    assertEquals(5, windows.trials().get(5).lastStep(), "checks at steps 2, 5, 8 only");
  }

  @Test
  void percentile_minTrials_noDecisionWithFewerTrialsAtStep() {
    Study study =
        run(
            PercentilePruner.builder().percentile(50).minTrials(6).build(),
            StudyDirection.MINIMIZE,
            crossingCurves());
    assertEquals(COMPLETE, states(study).get(5));
  }

  @Test
  void percentile_lowPercentile_prunesMoreThanMedian() {
    Study median = run(Pruner.median(), StudyDirection.MINIMIZE, curves(1));
    Study strict =
        run(PercentilePruner.builder().percentile(10).build(), StudyDirection.MINIMIZE, curves(1));
    int sumMedian = java.util.Arrays.stream(stepsRun(median)).sum();
    int sumStrict = java.util.Arrays.stream(stepsRun(strict)).sum();
    assertTrue(sumStrict < sumMedian, sumStrict + " vs " + sumMedian);
    assertEquals(6, strict.best().number());
  }

  @Test
  void percentile_multiObjectiveStudy_throwsNamingAlternative() {
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CurveRunner.runMulti(
                    Pruner.median(),
                    List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE),
                    new double[][][] {{{1, 2}}}));
    assertTrue(e.getMessage().contains("ParetoPercentilePruner"), e.getMessage());
  }

  @Test
  void percentile_outOfRange_throwsNamingField() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PercentilePruner.builder().percentile(101).build());
    assertEquals("0 <= percentile <= 100 must hold, but got percentile=101.0", e.getMessage());
    var w =
        assertThrows(
            IllegalArgumentException.class,
            () -> PercentilePruner.builder().percentile(50).warmupSteps(-1).build());
    assertEquals("warmup_steps >= 0 must hold, but got warmup_steps=-1", w.getMessage());
  }

  @Test
  void stats_percentile_interpolatesLinearly() {
    assertEquals(2.5, Stats.percentile(new double[] {4, 1, 3, 2}, 50), 0);
    assertEquals(1.0, Stats.percentile(new double[] {4, 1, 3, 2}, 0), 0);
    assertEquals(1.3, Stats.percentile(new double[] {4, 1, 3, 2}, 10), 1e-12);
  }
}
