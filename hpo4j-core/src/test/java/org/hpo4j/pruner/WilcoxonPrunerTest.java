package org.hpo4j.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class WilcoxonPrunerTest {

  /** Golden values from signed_rank_golden.py (scipy) beside the CSV. */
  @Test
  void pGreater_matchesScipyGoldenValues() throws Exception {
    try (var in = getClass().getResourceAsStream("signed_rank_golden.csv");
        var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      int rows = 0;
      for (String line; (line = r.readLine()) != null; rows++) {
        String[] parts = line.split(",");
        double expected = Double.parseDouble(parts[0]);
        double[] d =
            Arrays.stream(parts[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        double p = SignedRankTest.pGreater(d);
        assertEquals(expected, p, 1e-6 + 1e-4 * expected, "row " + rows + ": " + parts[1]);
      }
      assertTrue(rows >= 8, "rows " + rows);
    }
  }

  /**
   * 30 instances with a fixed difficulty each; a configuration's loss on instance i is its quality
   * plus the difficulty plus small noise. Trial 0 is good and completes first.
   */
  private static Study runInstances(double[] quality, Pruner pruner) {
    double[] difficulty = new SplittableRandom(11).doubles(30, 0, 2).toArray();
    Study study = Study.builder().pruner(pruner).storage(Storages.inMemory()).build();
    study.optimize(
        trial -> {
          SplittableRandom noise = new SplittableRandom(100 + trial.number());
          double sum = 0;
          for (int i = 0; i < difficulty.length; i++) {
            double loss = quality[trial.number()] + difficulty[i] + noise.nextDouble(-0.05, 0.05);
            sum += loss;
            trial.report(i, loss);
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return sum / difficulty.length;
        },
        quality.length);
    return study;
  }

  @Test
  void shouldPrune_clearlyWorseTrial_prunedEarly_betterKept() {
    Study study =
        runInstances(
            new double[] {0.2, 0.5, 0.2, 0.0, 1.0},
            WilcoxonPruner.builder().pThreshold(0.1).startupSteps(2).build());
    var trials = study.trials();
    assertEquals(TrialState.COMPLETE, trials.get(0).state());
    assertEquals(TrialState.PRUNED, trials.get(1).state());
    assertTrue(trials.get(1).lastStep() < 10, "stopped at instance " + trials.get(1).lastStep());
    assertEquals(
        TrialState.COMPLETE, trials.get(3).state(), "the better trial runs every instance");
    assertEquals(TrialState.PRUNED, trials.get(4).state());
    assertEquals(3, study.best().number());
  }

  @Test
  void shouldPrune_beforeStartupSteps_never() {
    Study study =
        runInstances(
            new double[] {0.0, 5.0},
            WilcoxonPruner.builder().pThreshold(0.1).startupSteps(6).build());
    FrozenTrial bad = study.trials().get(1);
    assertEquals(TrialState.PRUNED, bad.state());
    assertTrue(bad.lastStep() >= 5, "pruned at instance " + bad.lastStep());
  }

  @Test
  void wilcoxon_badThreshold_throwsNamingOption() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WilcoxonPruner.builder().pThreshold(1.0).startupSteps(2).build());
    assertEquals("0 < p_threshold < 1 must hold, but got p_threshold=1.0", e.getMessage());
  }

  @Test
  void shouldPrune_maximize_prunesLowAccuracy() {
    Study study =
        Study.builder()
            .direction(StudyDirection.MAXIMIZE)
            .pruner(WilcoxonPruner.builder().pThreshold(0.05).startupSteps(2).build())
            .storage(Storages.inMemory())
            .build();
    double[] acc = {0.9, 0.6, 0.95};
    study.optimize(
        trial -> {
          for (int i = 0; i < 20; i++) {
            trial.report(i, acc[trial.number()] + 0.01 * ((i * 7) % 5));
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return acc[trial.number()];
        },
        3);
    assertEquals(TrialState.PRUNED, study.trials().get(1).state());
    assertEquals(TrialState.COMPLETE, study.trials().get(2).state());
  }
}
