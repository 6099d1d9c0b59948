package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TpeSamplerTest {

  private static double medianFinalRegret(String sampler, TestFunctions.Fn fn, int trials) {
    double[] r = new double[3];
    for (int seed = 0; seed < r.length; seed++) {
      Study study = Study.builder().sampler(Samplers.create(sampler, seed, Map.of())).build();
      study.optimize(fn.objective(), trials);
      r[seed] = study.bestValue() - fn.optimum();
    }
    Arrays.sort(r);
    return r[1];
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpe", "tpe_uni"})
  void optimize_benchmarkFunctions_beatsRandomSearch(String name) {
    for (TestFunctions.Fn fn :
        List.of(TestFunctions.BRANIN, TestFunctions.HARTMANN6, TestFunctions.MIXED_CONDITIONAL)) {
      double tpe = medianFinalRegret(name, fn, 60);
      double random = medianFinalRegret("random", fn, 60);
      assertTrue(
          tpe < random, name + " on " + fn.name() + ": regret " + tpe + " vs random " + random);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpe", "tpe_uni"})
  void optimize_conditionalSpace_childNeverWithoutItsParent(String name) {
    Study study = Study.builder().sampler(Samplers.create(name, 3, Map.of())).build();
    study.optimize(TestFunctions.MIXED_CONDITIONAL.objective(), 60);
    int adam = 0;
    for (FrozenTrial t : study.completeTrials()) {
      Object opt = t.param("optimizer");
      assertEquals("adam".equals(opt), t.internalParams().containsKey("beta1"), t.toString());
      assertEquals("sgd".equals(opt), t.internalParams().containsKey("momentum"), t.toString());
      adam += "adam".equals(opt) ? 1 : 0;
    }
    assertTrue(adam > 0);
  }

  /** Passes every raw proposal of the wrapped sampler through a legality check. */
  private static final class Checking implements Sampler {
    final Sampler inner;
    int checked;

    Checking(Sampler inner) {
      this.inner = inner;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
      return inner.inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(
        StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
      Map<String, Double> out = inner.sampleRelative(study, trial, space);
      out.forEach((k, v) -> check(k, space.get(k), v));
      return out;
    }

    @Override
    public double sampleIndependent(
        StudyView study, FrozenTrial trial, String name, Distribution d) {
      double v = inner.sampleIndependent(study, trial, name, d);
      check(name, d, v);
      return v;
    }

    private void check(String name, Distribution d, double v) {
      assertTrue(d.contains(v), name + " = " + v + " is not legal in " + d);
      checked++;
    }

    @Override
    public void afterTrial(
        StudyView study, FrozenTrial trial, org.hpo4j.trial.TrialState state, List<Double> values) {
      inner.afterTrial(study, trial, state, values);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void sample_intStepLogParameters_alwaysLegal(boolean multivariate) {
    Checking sampler =
        new Checking(
            TpeSampler.builder().multivariate(multivariate).nStartupTrials(5).seed(7).build());
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(
        t -> {
          long a = t.suggestInt("a", 1, 1000, true);
          long b = t.suggestLong("b", -10, 20, 5L);
          double c = t.suggestFloat("c", 0.0, 1.0, 0.125);
          double d = t.suggestFloat("d", 1e-4, 10, true);
          long e = t.suggestInt("e", 3, 3);
          return Math.abs(Math.log(a) - 3)
              + Math.abs(b - 5)
              + Math.abs(c - 0.375)
              + Math.abs(Math.log10(d))
              + e;
        },
        40);
    assertTrue(sampler.checked >= 35 * 4, "checked " + sampler.checked);
  }

  private static List<Map<String, Object>> trace(Sampler sampler, int trials) {
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(TestFunctions.MIXED_CONDITIONAL.objective(), trials);
    List<Map<String, Object>> out = new ArrayList<>();
    study.trials().forEach(t -> out.add(t.params()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpe", "tpe_uni"})
  void optimize_sameSeed_sameTrace(String name) {
    List<Map<String, Object>> a = trace(Samplers.create(name, 11, Map.of()), 30);
    List<Map<String, Object>> b = trace(Samplers.create(name, 11, Map.of()), 30);
    List<Map<String, Object>> c = trace(Samplers.create(name, 12, Map.of()), 30);
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void optimize_startupPhase_equalsRandomSearch() {
    List<Map<String, Object>> tpe =
        trace(TpeSampler.builder().seed(5).nStartupTrials(10).build(), 10);
    List<Map<String, Object>> random = trace(RandomSampler.builder().seed(5).build(), 10);
    assertEquals(random, tpe);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpe", "tpe_uni"})
  void optimize_eightThreads_noDuplicateParameterVectors(String name) {
    Study study = Study.builder().sampler(Samplers.create(name, 1, Map.of())).build();
    study.optimize(TestFunctions.HARTMANN6.objective(), OptimizeOptions.trials(60).threads(8));
    List<FrozenTrial> trials = study.trials();
    assertEquals(60, trials.size());
    Set<List<Object>> seen = new HashSet<>();
    for (FrozenTrial t : trials.subList(0, 40)) {
      assertTrue(
          seen.add(List.copyOf(t.internalParams().values())), "duplicate " + t.internalParams());
    }
  }

  @Test
  void sampleRelative_multiObjectiveStudy_throwsNamingTheLimit() {
    Study study =
        Study.builder()
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .sampler(TpeSampler.builder().build())
            .build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> study.optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), 0}, 1));
    assertTrue(e.getMessage().contains("single-objective"), e.getMessage());
  }

  @Test
  void builder_badArguments_throwNamingTheField() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nEiCandidates(0))
            .getMessage()
            .contains("nEiCandidates"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nStartupTrials(-1))
            .getMessage()
            .contains("nStartupTrials"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().priorWeight(0))
            .getMessage()
            .contains("priorWeight"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().gamma(1.5, 25))
            .getMessage()
            .contains("gamma"));
  }

  @Test
  void provider_namesAndOptions_createConfiguredSamplers() {
    assertTrue(Samplers.known().containsAll(Set.of("tpe", "tpe_mv", "tpe_uni")));
    assertInstanceOf(
        TpeSampler.class,
        Samplers.create("tpe", 0, Map.of("n_startup_trials", 5, "prior_weight", 2.0)));
    assertEquals(
        TpeSampler.builder().seed(3).build().toString(),
        Samplers.create("tpe", 3, Map.of()).toString());
    assertEquals(
        Samplers.create("tpe", 3, Map.of()).toString(),
        Samplers.create("tpe_mv", 3, Map.of()).toString());
    assertTrue(Samplers.create("tpe_uni", 0, Map.of()).toString().contains("multivariate=false"));
    assertTrue(
        Samplers.create("tpe", 0, Map.of("group", false)).toString().contains("group=false"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Samplers.create("tpe_uni", 0, Map.of("group", true)));
    assertTrue(e.getMessage().contains("group"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Samplers.create("tpe", 0, Map.of("n_ei_candidates", 2.5)));
  }
}
