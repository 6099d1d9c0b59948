package org.hpo4j.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class CmaEsSamplerTest {

  @Test
  void optimize_sphere4FixedSeed_beatsRandomByFar() {
    double cma = Functions.regret("sphere4", CmaEsSampler.builder().seed(0).build(), 100);
    double random = Functions.regret("sphere4", RandomSampler.builder().seed(0).build(), 100);
    assertTrue(cma < 0.1 * random, "cmaes " + cma + " vs random " + random);
  }

  @Test
  void optimize_rosenbrock4FixedSeed_beatsRandom() {
    for (long seed = 0; seed < 2; seed++) {
      double cma = Functions.regret("rosenbrock4", CmaEsSampler.builder().seed(seed).build(), 100);
      double random =
          Functions.regret("rosenbrock4", RandomSampler.builder().seed(seed).build(), 100);
      assertTrue(cma < random, "seed " + seed + ": cmaes " + cma + " vs random " + random);
    }
  }

  @Test
  void optimize_separableOnSphere4_beatsRandomByFar() {
    double cma =
        Functions.regret("sphere4", CmaEsSampler.builder().seed(1).separable(true).build(), 100);
    double random = Functions.regret("sphere4", RandomSampler.builder().seed(1).build(), 100);
    assertTrue(cma < 0.1 * random, "separable cmaes " + cma + " vs random " + random);
  }

  @Test
  void optimize_activeOnSphere4_beatsRandomByFar() {
    double cma =
        Functions.regret("sphere4", CmaEsSampler.builder().seed(1).active(true).build(), 200);
    double random = Functions.regret("sphere4", RandomSampler.builder().seed(1).build(), 200);
    assertTrue(cma < 0.1 * random, "active cmaes " + cma + " vs random " + random);
  }

  @Test
  void optimize_sameSeed_sameTrials() {
    assertEquals(
        params(CmaEsSampler.builder().seed(4).build(), 50),
        params(CmaEsSampler.builder().seed(4).build(), 50));
    assertNotEquals(
        params(CmaEsSampler.builder().seed(4).build(), 50),
        params(CmaEsSampler.builder().seed(5).build(), 50));
  }

  @Test
  void optimize_resumedWithFreshSampler_continuesAsOneRun() {
    Storage storage = Storages.inMemory();
    Study first =
        Study.builder()
            .name("s")
            .storage(storage)
            .sampler(CmaEsSampler.builder().seed(9).build())
            .build();
    first.optimize(t -> Functions.evaluate("rosenbrock4", t), 27);
    Study resumed =
        Study.builder()
            .name("s")
            .storage(storage)
            .loadIfExists(true)
            .sampler(CmaEsSampler.builder().seed(9).build())
            .build();
    resumed.optimize(t -> Functions.evaluate("rosenbrock4", t), 23);
    List<Map<String, Double>> split = new ArrayList<>();
    resumed.trials().forEach(t -> split.add(t.internalParams()));
    assertEquals(params(CmaEsSampler.builder().seed(9).build(), 50), split);
  }

  private static List<Map<String, Double>> params(Sampler sampler, int n) {
    Study s = Study.builder().sampler(sampler).build();
    s.optimize(t -> Functions.evaluate("rosenbrock4", t), n);
    List<Map<String, Double>> out = new ArrayList<>();
    s.trials().forEach(t -> out.add(t.internalParams()));
    return out;
  }

  @Test
  void optimize_integerParameters_findsTheOptimumWithMargin() {
    Study s = Study.builder().sampler(CmaEsSampler.builder().seed(2).build()).build();
    s.optimize(
        t -> {
          long k = t.suggestInt("k", 0, 40);
          long j = t.suggestInt("j", 1, 1000, true);
          double x = t.suggestFloat("x", -1, 1);
          return (k - 27) * (k - 27) + Math.pow(Math.log(j) - Math.log(30), 2) + x * x;
        },
        150);
    FrozenTrial best = s.best();
    assertEquals(27L, best.param("k"));
    long late =
        s.trials().stream()
            .filter(t -> t.number() >= 120)
            .map(t -> t.param("k"))
            .distinct()
            .count();
    assertTrue(
        late >= 2,
        "the margin keeps neighbours of k reachable, but late trials tried only "
            + late
            + " value");
  }

  @Test
  void optimize_categoricalParameter_isSampledAtRandomAndStaysLegal() {
    Study s = Study.builder().sampler(CmaEsSampler.builder().seed(3).build()).build();
    s.optimize(
        t -> {
          String c = t.suggestCategorical("c", List.of("a", "b", "c"));
          double x = t.suggestFloat("x", 0, 1);
          double y = t.suggestFloat("y", 0, 1);
          return x * x + y * y + (c.equals("b") ? 0 : 1);
        },
        40);
    assertEquals(3, s.trials().stream().map(t -> t.param("c")).distinct().count());
    assertEquals(40, s.completeTrials().size());
  }

  @Test
  void optimize_flatObjective_restartsWithDoublePopulation() {
    CmaEsSampler sampler = CmaEsSampler.builder().seed(5).build();
    Study s = Study.builder().sampler(sampler).build();
    s.optimize(t -> t.suggestFloat("x", 0, 1) * 0 + t.suggestFloat("y", 0, 1) * 0, 200);
    assertEquals(12, sampler.currentPopulationSize()); // 4 + floor(3 ln 2) = 6, doubled once
  }

  @Test
  void optimize_restartsOff_keepsPopulation() {
    CmaEsSampler sampler = CmaEsSampler.builder().seed(5).restarts(false).build();
    Study s = Study.builder().sampler(sampler).build();
    s.optimize(t -> t.suggestFloat("x", 0, 1) * 0 + t.suggestFloat("y", 0, 1) * 0, 200);
    assertEquals(6, sampler.currentPopulationSize());
  }

  @Test
  void optimize_warmStartFromSourceTrials_beatsColdStart() {
    Study source = Study.builder().sampler(CmaEsSampler.builder().seed(11).build()).build();
    source.optimize(t -> Functions.evaluate("sphere4", t), 80); // an earlier study of the same task
    double warm =
        Functions.regret(
            "sphere4",
            CmaEsSampler.builder().seed(6).sourceTrials(source.completeTrials()).build(),
            20);
    double cold = Functions.regret("sphere4", CmaEsSampler.builder().seed(6).build(), 20);
    assertTrue(warm < cold, "warm " + warm + " vs cold " + cold);
  }

  @Test
  void optimize_fourThreads_completesEveryTrialWithLegalValues() {
    Study s = Study.builder().sampler(CmaEsSampler.builder().seed(8).build()).build();
    s.optimize(
        t -> Functions.evaluate("rosenbrock4", t) + t.suggestInt("k", 0, 5),
        OptimizeOptions.trials(80).threads(4));
    assertEquals(80, s.completeTrials().size());
    s.trials()
        .forEach(
            t ->
                t.internalParams()
                    .forEach((n, v) -> assertTrue(t.distributions().get(n).contains(v))));
  }

  @Test
  void optimize_multiObjectiveStudy_throws() {
    Study s =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .sampler(CmaEsSampler.builder().build())
            .catchExceptions(false)
            .build();
    assertThrows(
        IllegalStateException.class,
        () -> s.optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), 0}, 1));
  }

  @Test
  void create_registeredName_buildsSampler() {
    assertInstanceOf(
        CmaEsSampler.class, Samplers.create("cmaes", 0, Map.of("sigma0", 0.3, "separable", true)));
    assertThrows(
        IllegalArgumentException.class, () -> Samplers.create("cmaes", 0, Map.of("sigma", 0.3)));
    assertThrows(
        IllegalArgumentException.class, () -> Samplers.create("cmaes", 0, Map.of("sigma0", 2.0)));
  }
}
