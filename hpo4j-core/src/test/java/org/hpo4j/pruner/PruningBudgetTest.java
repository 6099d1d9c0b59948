package org.hpo4j.pruner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;
import org.junit.jupiter.api.Test;

/**
 * The budget a pruner saves on a synthetic benchmark, against no pruning, with the same random
 * sampler and seed (so the same configurations in the same order).
 *
 * <p>Notation: x, y in [0, 1] are the hyperparameters; the final loss is f = (x - 0.3)^2 + (y -
 * 0.7)^2; the curve at step t (0-based, 81 steps) is f + (0.5 + x) * exp(-t / tau) + noise, tau = 2
 * + 10 y, so the configurations that end best (y near 0.7) learn slowly and cross faster, worse
 * curves: the case that tempts a pruner into stopping the eventual winner. Noise: uniform +-0.01,
 * seeded per trial. Budget = the sum over trials of the steps run.
 */
class PruningBudgetTest {
  private static final int STEPS = 81;
  private static final int TRIALS = 60;

  private static double curve(Trial trial, boolean crossing) {
    double x = trial.suggestFloat("x", 0, 1);
    double y = trial.suggestFloat("y", 0, 1);
    double f = (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
    double tau = crossing ? 2 + 10 * y : 5;
    SplittableRandom noise = new SplittableRandom(1000 + trial.number());
    double v = 0;
    for (int t = 0; t < STEPS; t++) {
      v = f + (0.5 + x) * Math.exp(-t / tau) + noise.nextDouble(-0.01, 0.01);
      trial.report(t, v);
      if (trial.shouldPrune()) {
        throw new TrialPrunedException();
      }
    }
    return v;
  }

  private record Outcome(int steps, double best, int bestNumber) {}

  private static Outcome run(Pruner pruner, long seed, boolean crossing) {
    Study study =
        Study.builder()
            .pruner(pruner)
            .sampler(RandomSampler.builder().seed(seed).build())
            .storage(Storages.inMemory())
            .catchExceptions(false)
            .build();
    study.optimize(t -> curve(t, crossing), TRIALS);
    int steps = 0;
    for (FrozenTrial t : study.trials()) {
      steps += t.lastStep() + 1;
    }
    return new Outcome(steps, study.bestValue(), study.best().number());
  }

  @Test
  void budget_parallelCurves_ashaAndHyperbandSaveHalfAndKeepTheBest() {
    String table =
        measure(false, java.util.Set.of("asha(1,3,0)", "asha(1,3,1)", "hyperband(1,81,3)"), 0.01);
    System.out.println("parallel curves (tau = 5):" + table);
  }

  @Test
  void budget_crossingCurves_hyperbandAndWarmMedianSaveHalfAndKeepTheBest() {
    // ASHA alone is not checked here: with one aggressive bracket it stops slow starters that end
    // best (seed 2 loses 0.12 with min resource 1, 0.02 with 3); Hyperband's gentler brackets
    // hedge.
    String table = measure(true, java.util.Set.of("median(warmup 5)", "hyperband(1,81,3)"), 0.02);
    System.out.println("crossing curves (tau = 2 + 10 y):" + table);
  }

  private static String measure(boolean crossing, java.util.Set<String> checked, double tolerance) {
    Map<String, Pruner> pruners = new LinkedHashMap<>();
    pruners.put("none", Pruner.none());
    pruners.put(
        "median(warmup 5)", PercentilePruner.builder().percentile(50).warmupSteps(5).build());
    pruners.put(
        "asha(1,3,0)",
        SuccessiveHalvingPruner.builder()
            .minResource(1)
            .reductionFactor(3)
            .minEarlyStoppingRate(0)
            .build());
    pruners.put(
        "asha(1,3,1)",
        SuccessiveHalvingPruner.builder()
            .minResource(1)
            .reductionFactor(3)
            .minEarlyStoppingRate(1)
            .build());
    pruners.put(
        "hyperband(1,81,3)",
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(81)
            .reductionFactor(3)
            .seed(0)
            .build());
    pruners.put(
        "patient(median,3)",
        PatientPruner.builder().wrapped(Pruner.median()).patience(3).minDelta(0.0).build());
    StringBuilder table =
        new StringBuilder(
            String.format(
                "%n%-20s %5s %8s %8s %10s%n", "pruner", "seed", "steps", "saved", "best"));
    java.util.List<String> failures = new java.util.ArrayList<>();
    for (long seed = 0; seed < 3; seed++) {
      Outcome none = run(Pruner.none(), seed, crossing);
      for (var e : pruners.entrySet()) {
        Outcome o = e.getKey().equals("none") ? none : run(e.getValue(), seed, crossing);
        double saved = 1 - o.steps() / (double) none.steps();
        table.append(
            String.format(
                "%-20s %5d %8d %7.1f%% %10.4f (trial %d)%n",
                e.getKey(), seed, o.steps(), 100 * saved, o.best(), o.bestNumber()));
        if (checked.contains(e.getKey()) && (saved < 0.5 || o.best() > none.best() + tolerance)) {
          failures.add(e.getKey() + " seed " + seed);
        }
      }
    }
    assertTrue(
        failures.isEmpty(),
        "saved < 50% or best lost by more than " + tolerance + ": " + failures + table);
    return table.toString();
  }
}
