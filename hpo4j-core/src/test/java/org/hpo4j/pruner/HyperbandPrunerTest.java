package org.hpo4j.pruner;

import static org.hpo4j.pruner.CurveRunner.hyperbolic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {

  @Test
  void bracketCount_followsLogOfResourceRatio() {
    assertEquals(
        4,
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(27)
            .reductionFactor(3)
            .seed(0)
            .build()
            .bracketCount());
    assertEquals(
        3,
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(26)
            .reductionFactor(3)
            .seed(0)
            .build()
            .bracketCount());
    assertEquals(
        1,
        HyperbandPruner.builder()
            .minResource(5)
            .maxResource(5)
            .reductionFactor(3)
            .seed(0)
            .build()
            .bracketCount());
    assertEquals(
        4,
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(8)
            .reductionFactor(2)
            .seed(0)
            .build()
            .bracketCount());
  }

  @Test
  void bracketOf_sameSeed_sameBrackets_otherSeed_differs() {
    BracketedPruner a =
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(27)
            .reductionFactor(3)
            .seed(42)
            .build();
    BracketedPruner b =
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(27)
            .reductionFactor(3)
            .seed(42)
            .build();
    BracketedPruner c =
        HyperbandPruner.builder()
            .minResource(1)
            .maxResource(27)
            .reductionFactor(3)
            .seed(43)
            .build();
    int differ = 0;
    for (int n = 0; n < 1000; n++) {
      assertEquals(a.bracketOf(n), b.bracketOf(n));
      differ += a.bracketOf(n) != c.bracketOf(n) ? 1 : 0;
    }
    assertTrue(differ > 100, "another seed reassigns brackets, " + differ + " of 1000 changed");
  }

  /** Budgets for r=1, R=27, eta=3: n_b = ceil(4 * 3^s / (s + 1)), s = 3 - b: 27, 12, 6, 4 of 49. */
  @Test
  void bracketOf_frequencies_proportionalToHyperbandBudgets() {
    BracketedPruner p =
        HyperbandPruner.builder().minResource(1).maxResource(27).reductionFactor(3).seed(7).build();
    int[] count = new int[4];
    int n = 49_000;
    for (int i = 0; i < n; i++) {
      count[p.bracketOf(i)]++;
    }
    double[] expected = {27 / 49.0, 12 / 49.0, 6 / 49.0, 4 / 49.0};
    for (int b = 0; b < 4; b++) {
      assertEquals(expected[b], count[b] / (double) n, 0.01, "bracket " + b);
    }
  }

  @Test
  void shouldPrune_inStudy_comparesWithinBracketAndNeverBeforeBracketsFirstRung() {
    BracketedPruner p =
        HyperbandPruner.builder().minResource(1).maxResource(27).reductionFactor(3).seed(1).build();
    SplittableRandom rnd = new SplittableRandom(3);
    double[][] curves = new double[60][];
    for (int i = 0; i < curves.length; i++) {
      curves[i] = hyperbolic(rnd.nextDouble(), 1 + rnd.nextDouble(), 27);
    }
    Study study = CurveRunner.run(p, StudyDirection.MINIMIZE, curves);
    int pruned = 0;
    for (FrozenTrial t : study.trials()) {
      int b = p.bracketOf(t.number());
      assertEquals(b, ((Number) t.systemAttrs().get(HyperbandPruner.BRACKET_KEY)).intValue());
      if (t.state() == TrialState.PRUNED) {
        pruned++;
        assertTrue(
            t.lastStep() >= Math.pow(3, b),
            "trial " + t.number() + " of bracket " + b + " pruned at step " + t.lastStep());
      }
    }
    assertTrue(pruned > 10, "pruned " + pruned);
    assertTrue(
        study.trials().stream()
            .filter(t -> p.bracketOf(t.number()) == 3)
            .allMatch(t -> t.state() == TrialState.COMPLETE),
        "bracket 3 has its first rung at step 27");
  }

  @Test
  void restrict_sampler_seesOnlySameBracketTrials() {
    BracketedPruner p =
        HyperbandPruner.builder().minResource(1).maxResource(9).reductionFactor(3).seed(5).build();
    List<String> violations = new ArrayList<>();
    int[] calls = new int[1];
    Sampler spy =
        new Sampler() {
          final Sampler random = RandomSampler.builder().seed(1).build();

          @Override
          public double sampleIndependent(
              StudyView study, FrozenTrial trial, String name, Distribution d) {
            calls[0]++;
            for (FrozenTrial t : study.trials()) {
              if (p.bracketOf(t.number()) != p.bracketOf(trial.number())) {
                violations.add(trial.number() + " saw " + t.number());
              }
            }
            return random.sampleIndependent(study, trial, name, d);
          }
        };
    Study study =
        Study.builder().pruner(p).sampler(p.restrict(spy)).storage(Storages.inMemory()).build();
    study.optimize(
        trial -> {
          double x = trial.suggestFloat("x", 0, 1);
          for (int t = 0; t < 9; t++) {
            trial.report(t, x + 1.0 / (t + 1));
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return x;
        },
        30);
    assertEquals(30, calls[0]);
    assertEquals(List.of(), violations);
    assertNotEquals(0, study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count());
  }
}
