package org.hpo4j.pruner;

import static org.hpo4j.study.StudyDirection.MAXIMIZE;
import static org.hpo4j.study.StudyDirection.MINIMIZE;
import static org.hpo4j.trial.TrialState.COMPLETE;
import static org.hpo4j.trial.TrialState.PRUNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.study.ParetoFront;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class ParetoPercentilePrunerTest {
  private static final List<StudyDirection> MIN_MIN = List.of(MINIMIZE, MINIMIZE);

  private static double[][] flat(double a, double b, int steps) {
    double[][] c = new double[steps][];
    for (int t = 0; t < steps; t++) {
      c[t] = new double[] {a, b};
    }
    return c;
  }

  /** Four startup trials at (0,10), (10,0), (2,8), (8,2): the per-objective medians make (5,5). */
  private static double[][][] withCandidate(double a, double b) {
    return new double[][][] {
      flat(0, 10, 5), flat(10, 0, 5), flat(2, 8, 5), flat(8, 2, 5), flat(a, b, 5)
    };
  }

  private static Pruner pruner() {
    return ParetoPercentilePruner.builder().percentile(50).startupTrials(4).build();
  }

  @Test
  void shouldPrune_dominatedByMedianAndByATrial_pruned() {
    Study study = CurveRunner.runMulti(pruner(), MIN_MIN, withCandidate(9, 9));
    FrozenTrial t = study.trials().get(4);
    assertEquals(PRUNED, t.state());
    assertEquals(0, t.lastStep());
  }

  @Test
  void shouldPrune_dominatedByMedianPointButOnFront_neverPruned() {
    Study study = CurveRunner.runMulti(pruner(), MIN_MIN, withCandidate(6, 6));
    assertEquals(
        COMPLETE, study.trials().get(4).state(), "(6,6) is beaten by the synthetic (5,5) only");
  }

  @Test
  void shouldPrune_notDominatedByMedian_kept() {
    Study study = CurveRunner.runMulti(pruner(), MIN_MIN, withCandidate(9, 1));
    assertEquals(COMPLETE, study.trials().get(4).state());
  }

  @Test
  void shouldPrune_mixedDirectionsRandomCurves_neverPrunesAFrontMemberOfItsStep() {
    List<StudyDirection> dirs = List.of(MINIMIZE, MAXIMIZE, MINIMIZE);
    SplittableRandom rnd = new SplittableRandom(17);
    int trials = 40;
    int steps = 8;
    double[][][] curves = new double[trials][steps][3];
    for (int i = 0; i < trials; i++) {
      double q = rnd.nextDouble(); // a shared quality: bad trials tend to be bad in every objective
      double[] a = new double[3];
      for (int j = 0; j < 3; j++) {
        double v = 0.7 * q + 0.3 * rnd.nextDouble();
        a[j] = dirs.get(j) == MINIMIZE ? v : -v;
      }
      for (int t = 0; t < steps; t++) {
        for (int j = 0; j < 3; j++) {
          double sign = dirs.get(j) == MINIMIZE ? 1 : -1;
          curves[i][t][j] = a[j] + sign * (1.0 / (t + 1)) + 0.05 * rnd.nextDouble();
        }
      }
    }
    Study study =
        CurveRunner.runMulti(
            ParetoPercentilePruner.builder().percentile(50).startupTrials(5).warmupSteps(1).build(),
            dirs,
            curves);
    int pruned = 0;
    for (FrozenTrial p : study.trials()) {
      if (p.state() != PRUNED) {
        continue;
      }
      pruned++;
      int s = p.lastStep();
      assertTrue(s >= 1, "pruned in warm-up at step " + s);
      List<Double> x = IntermediateVectors.of(p, 3).get(s);
      boolean beaten = false;
      for (FrozenTrial q : study.trials().subList(0, p.number())) {
        List<Double> y = IntermediateVectors.of(q, 3).get(s);
        beaten |= y != null && ParetoFront.dominates(y, x, dirs);
      }
      assertTrue(beaten, "trial " + p.number() + " was on the front of step " + s + " when pruned");
    }
    assertTrue(pruned >= 5, "pruned " + pruned);
    assertFalse(study.bestTrials().isEmpty());
  }

  @Test
  void shouldPrune_singleObjectiveScalarReports_actsAsProtectedPercentile() {
    double[][] curves = {
      CurveRunner.flat(1, 5),
      CurveRunner.flat(2, 5),
      CurveRunner.flat(3, 5),
      CurveRunner.flat(4, 5),
      CurveRunner.flat(5, 5),
      CurveRunner.flat(9, 5),
      CurveRunner.flat(0.5, 5)
    };
    Study study =
        CurveRunner.run(ParetoPercentilePruner.builder().percentile(50).build(), MINIMIZE, curves);
    assertEquals(PRUNED, study.trials().get(5).state());
    assertEquals(COMPLETE, study.trials().get(6).state());
  }
}
