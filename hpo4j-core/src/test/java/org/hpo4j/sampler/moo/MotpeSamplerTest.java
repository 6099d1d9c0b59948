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
