package org.hpo4j.sampler.moo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class NsgaIISamplerTest {

  @Test
  void optimize_zdt1SmallBudget_beatsRandomHypervolume() {
    double nsga = 0;
    double random = 0;
    for (long seed = 0; seed < 3; seed++) {
      nsga += Zdt.run("zdt1", NsgaIISampler.builder().seed(seed).build(), 160);
      random += Zdt.run("zdt1", RandomSampler.builder().seed(seed).build(), 160);
    }
    assertTrue(nsga > random + 3 * 2.0, "nsga2 " + nsga / 3 + " vs random " + random / 3);
  }

  @Test
  void optimize_sameSeed_sameTrials() {
    assertEquals(params(5), params(5));
    assertFalse(params(5).equals(params(6)));
  }

  private static List<Map<String, Double>> params(long seed) {
    Study s =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
            .sampler(NsgaIISampler.builder().seed(seed).populationSize(6).build())
            .build();
    s.optimizeMulti(
        t -> {
          double x = t.suggestFloat("x", 1e-3, 10, true);
          long k = t.suggestInt("k", 1, 9);
          String c = t.suggestCategorical("c", List.of("a", "b", "c"));
          return new double[] {x + k, c.equals("b") ? -x : x * k};
        },
        40);
    List<Map<String, Double>> out = new ArrayList<>();
    s.trials().forEach(t -> out.add(t.internalParams()));
    return out;
  }

  @Test
  void optimize_mixedSpace_proposesLegalValuesAfterFirstGeneration() {
    Study s =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .sampler(
                NsgaIISampler.builder()
                    .seed(1)
                    .populationSize(4)
                    .crossover(Crossover.BLX_ALPHA)
                    .build())
            .build();
    s.optimizeMulti(
        t -> {
          double x = t.suggestFloat("x", 0, 1, 0.25);
          long k = t.suggestInt("k", 2, 64, true);
          String c = t.suggestCategorical("c", List.of("a", "b"));
          return new double[] {x + (c.equals("a") ? 0 : 1), k - x};
        },
        30);
    for (FrozenTrial t : s.trials()) {
      t.internalParams()
          .forEach(
              (name, v) -> assertTrue(t.distributions().get(name).contains(v), name + "=" + v));
    }
    assertEquals(30, s.completeTrials().size());
  }

  @Test
  void optimize_fourThreads_completesEveryTrial() {
    Study s =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .sampler(NsgaIISampler.builder().seed(2).populationSize(8).build())
            .build();
    s.optimizeMulti(t -> Zdt.evaluate("zdt2", t), OptimizeOptions.trials(80).threads(4));
    assertEquals(80, s.completeTrials().size());
  }

  @Test
  void survival_infeasibleDominatingPoints_keepsFeasibleFirst() {
    List<Survival.Member> pool = new ArrayList<>();
    pool.add(member(0, 0, 0, 1.0));
    pool.add(member(1, 0.1, 0.1, 0.2));
    pool.add(member(2, 5, 5, 0));
    pool.add(member(3, 4, 6, 0));
    pool.add(member(4, 9, 9, 0));
    List<Survival.Member> kept = Survival.select(pool, 4, Survival.CROWDING);
    List<Integer> numbers = kept.stream().map(Survival.Member::number).sorted().toList();
    assertEquals(
        List.of(1, 2, 3, 4), numbers); // the most violating point goes, though it dominates all
  }

  @Test
  void bestTrials_constrainedStudy_hasNoInfeasibleTrialWhenAFeasibleOneExists() {
    Study s =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .sampler(NsgaIISampler.builder().seed(3).populationSize(8).build())
            .build();
    s.optimizeMulti(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          double y = t.suggestFloat("y", 0, 1);
          t.setConstraints(
              0.5 - x - y); // feasible when x + y >= 0.5: the unconstrained front is cut off
          return new double[] {x, y};
        },
        60);
    List<FrozenTrial> front = s.bestTrials();
    assertFalse(front.isEmpty());
    assertTrue(s.completeTrials().stream().anyMatch(t -> !Constraints.isFeasible(t)));
    front.forEach(
        t ->
            assertTrue(
                Constraints.isFeasible(t), "infeasible trial " + t.number() + " on the front"));
  }

  @Test
  void optimize_nsga3OnDtlz2_reachesHypervolumeAboveTen() {
    double hv =
        Zdt.run("dtlz2", Samplers.create("nsga3", 0, Map.of("population", 20, "divisions", 4)), 80);
    assertTrue(hv > 10, "hypervolume " + hv);
  }

  @Test
  void directions_threeObjectivesTwelveDivisions_gives91DasDennisPoints() {
    double[][] w = ReferencePointNiching.directions(3, 12);
    assertEquals(91, w.length);
    for (double[] row : w) {
      assertEquals(1.0, row[0] + row[1] + row[2], 1e-12);
    }
  }

  @Test
  void create_registeredNames_buildsSamplers() {
    assertInstanceOf(
        NsgaIISampler.class,
        Samplers.create("nsga2", 1, Map.of("population", 10, "crossover", "uniform")));
    assertTrue(Samplers.known().containsAll(List.of("nsga2", "nsga3")));
  }

  @Test
  void create_unknownOption_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> Samplers.create("nsga2", 1, Map.of("divisions", 3)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Samplers.create("nsga2", 1, Map.of("crossover", "two-point")));
  }

  @Test
  void populationSize_tooSmall_throws() {
    assertThrows(IllegalArgumentException.class, () -> NsgaIISampler.builder().populationSize(1));
  }

  private static Survival.Member member(int number, double a, double b, double violation) {
    FrozenTrial t =
        new FrozenTrial(
            number,
            number,
            org.hpo4j.trial.TrialState.COMPLETE,
            Map.of(),
            Map.of(),
            List.of(a, b),
            new java.util.TreeMap<>(),
            Map.of(),
            Map.of(),
            null,
            null);
    return new Survival.Member(t, new double[] {a, b}, violation, 0, 0);
  }
}
