package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Objective;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

class RlSamplerTest {

  /** A 2-D quadratic on [-5, 5]^2 with its minimum 0 at (1.5, -2). */
  private static final Objective QUADRATIC =
      t -> {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return (x - 1.5) * (x - 1.5) + (y + 2) * (y + 2);
      };

  private static double bestOf(Sampler sampler, int trials) {
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(QUADRATIC, trials);
    return study.bestValue();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  @Test
  void optimize_quadraticWithFixedSeeds_beatsRandomSearch() {
    int seeds = 3;
    double[] rl = new double[seeds];
    double[] random = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      rl[s] = bestOf(RlSampler.builder().seed(s).build(), 40);
      random[s] = bestOf(RandomSampler.builder().seed(s).build(), 40);
    }
    assertTrue(
        median(rl) < median(random),
        "median final regret rl " + Arrays.toString(rl) + " vs random " + Arrays.toString(random));
  }

  @Test
  void optimize_enqueuedTrials_areLearnedFromTheirParameters() {
    RlSampler sampler = RlSampler.builder().seed(1).useModel(false).build();
    Study study = Study.builder().sampler(sampler).build();
    study.enqueueTrial(Map.of("x", 1.0, "y", -2.0));
    study.enqueueTrial(Map.of("x", -4.0, "y", 4.0));
    study.optimize(QUADRATIC, 6);
    assertEquals(6, sampler.stats().realEpisodes());
    assertEquals(6, sampler.stats().policyUpdates());
  }

  @Test
  void beforeTrial_newSamplerOnAnOldStudy_replaysTheStoredTrials() {
    Storage storage = Storages.inMemory();
    Study first =
        Study.builder()
            .name("s")
            .storage(storage)
            .sampler(RandomSampler.builder().seed(2).build())
            .build();
    first.optimize(QUADRATIC, 7);
    RlSampler sampler = RlSampler.builder().seed(3).useModel(false).build();
    Study resumed =
        Study.builder().name("s").storage(storage).loadIfExists(true).sampler(sampler).build();
    resumed.optimize(QUADRATIC, 2);
    assertEquals(9, sampler.stats().realEpisodes());
  }

  @Test
  void optimize_maximize_learnsAndStaysLegal() {
    RlSampler sampler = RlSampler.builder().seed(4).useModel(false).build();
    Study study =
        Study.builder().direction(org.hpo4j.study.StudyDirection.MAXIMIZE).sampler(sampler).build();
    study.optimize(t -> -QUADRATIC.evaluate(t), 10);
    assertEquals(10, sampler.stats().realEpisodes());
    study
        .trials()
        .forEach(
            t ->
                t.internalParams()
                    .forEach((n, v) -> assertTrue(t.distributions().get(n).contains(v))));
  }

  @Test
  void build_negativeLearningRate_throwsNamingTheOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RlSampler.builder().seed(0).learningRate(-1).build());
    assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
  }

  @Test
  void create_byName_givesRlSamplers() {
    assertInstanceOf(RlSampler.class, Samplers.create("rl", 0, Map.of()));
    assertInstanceOf(
        RlSampler.class, Samplers.create("rl_sdp", 0, Map.of("reward_mode", "raw", "delta", 0.3)));
  }

  @Test
  void create_camelCaseKeyOfOldStudyFiles_isRefusedNamingTheNewKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Samplers.create("rl", 0, Map.of("learningRate", 0.01)));
    assertEquals(
        "sampler 'rl' has no option 'learningRate'; it was renamed to 'learning_rate'",
        e.getMessage());
  }

  @Test
  void create_unknownOptionOrBadMode_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> Samplers.create("rl", 0, Map.of("gamma", 1)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Samplers.create("rl", 0, Map.of("reward_mode", "median")));
    assertTrue(e.getMessage().contains("reward_mode"), e.getMessage());
  }
}
