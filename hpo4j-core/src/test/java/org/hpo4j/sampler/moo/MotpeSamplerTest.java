package org.hpo4j.sampler.moo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class MotpeSamplerTest {

  @Test
  void scores_fronts_rankFeasibleFrontsThenInfeasibleByViolation() {
    List<FrozenTrial> t = new ArrayList<>();
    t.add(trial(0, 5, 5, 0)); // front 1
    t.add(trial(1, 0, 10, 0)); // front 0, extreme
    t.add(trial(2, 2, 2, 0)); // front 0, the knee: largest hypervolume
    t.add(trial(3, 10, 0, 0)); // front 0, extreme
    t.add(trial(4, -1, -1, 3.0)); // infeasible, though it dominates everything
    Map<Long, Double> s = ScoredView.scores(t, List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    assertEquals(0.0, s.get(2L));
    assertTrue(s.get(1L) < 3 && s.get(3L) < 3);
    assertEquals(3.0, s.get(0L));
    assertEquals(4.0, s.get(4L));
  }

  @Test
  void optimize_zdt1_beatsRandomHypervolumeOverThreeSeeds() {
    // One seed of random search can be lucky; compare the means over three seeds at the suite budget.
    double motpe = 0;
    double random = 0;
    for (long seed = 0; seed < 3; seed++) {
      motpe += Zdt.run("zdt1", MotpeSampler.of(seed, false, 10), 200) / 3;
      random += Zdt.run("zdt1", Sampler.random(seed), 200) / 3;
    }
    assertTrue(motpe > random + 2, "motpe " + motpe + " vs random " + random);
  }

  @Test
  void create_registeredNames_buildSamplers() {
    assertInstanceOf(MotpeSampler.class, Samplers.create("motpe", 1, Map.of()));
    assertInstanceOf(MotpeSampler.class, Samplers.create("motpe_mv", 1, Map.of("n_startup_trials", 5)));
    assertThrows(IllegalArgumentException.class, () -> Samplers.create("motpe", 1, Map.of("gamma", 5)));
  }

  private static FrozenTrial trial(int number, double a, double b, double violation) {
    Map<String, Object> sys = violation > 0 ? Map.of("constraints", List.of(violation)) : Map.of();
    return new FrozenTrial(number, number, TrialState.COMPLETE, Map.of(), Map.of(), List.of(a, b), new TreeMap<>(),
        Map.of(), sys, null, null);
  }
}
