package org.hpo4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.tpe.TpeSampler;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.junit.jupiter.api.Test;

class StudyDefaultsTest {

  private static double branin(Trial t) {
    double x = t.suggestFloat("x", -5, 10);
    double y = t.suggestFloat("y", 0, 15);
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double r = 6;
    double s = 10;
    double u = 1 / (8 * Math.PI);
    return Math.pow(y - b * x * x + c * x - r, 2) + s * (1 - u) * Math.cos(x) + s;
  }

  private static final double BRANIN_MIN = 0.397887;

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  @Test
  void build_noSampler_isTpe() {
    assertInstanceOf(TpeSampler.class, Study.builder().build().sampler());
  }

  @Test
  void build_noSamplerNoSeed_twoStudiesDrawDifferentPoints() {
    Study a = Study.builder().build();
    Study b = Study.builder().build();
    a.optimize(StudyDefaultsTest::branin, 3);
    b.optimize(StudyDefaultsTest::branin, 3);
    assertNotEquals(a.trials().get(0).params(), b.trials().get(0).params());
  }

  @Test
  void build_seed_seedsTheDefaultSampler() {
    Study a = Study.builder().seed(7).build();
    Study b = Study.builder().seed(7).build();
    a.optimize(StudyDefaultsTest::branin, 15);
    b.optimize(StudyDefaultsTest::branin, 15);
    for (int i = 0; i < 15; i++) {
      assertEquals(a.trials().get(i).params(), b.trials().get(i).params(), "trial " + i);
    }
  }

  @Test
  void build_seedAndSampler_throwsNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Study.builder().seed(1).sampler(RandomSampler.builder().seed(2).build()).build());
    assertTrue(e.getMessage().contains("seed(1)"), e.getMessage());
  }

  /**
   * The promise: with no sampler given, a study learns; it beats random search on branin.
   */
  @Test
  void build_noSampler_beatsRandomOnBraninMedianRegretAt60TrialsOverSeeds0To9() {
    double[] tpe = new double[10];
    double[] random = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      Study d = Study.builder().seed(seed).build();
      d.optimize(StudyDefaultsTest::branin, 60);
      tpe[seed] = d.bestValue() - BRANIN_MIN;
      Study r = Study.builder().sampler(RandomSampler.builder().seed(seed).build()).build();
      r.optimize(StudyDefaultsTest::branin, 60);
      random[seed] = r.bestValue() - BRANIN_MIN;
    }
    assertTrue(
        median(tpe) < median(random), "default " + median(tpe) + " vs random " + median(random));
  }

  @Test
  void bestParams_andFrozenParams_areUserValues() {
    Study study = Study.builder().seed(0).build();
    study.optimize(
        t -> {
          String kind = t.suggestCategorical("kind", List.of("a", "b"));
          int n = t.suggestInt("n", 1, 5);
          return (kind.equals("a") ? 0 : 10) + n;
        },
        20);
    Map<String, Object> best = study.bestParams();
    assertInstanceOf(String.class, best.get("kind"));
    assertInstanceOf(Long.class, best.get("n"));
    FrozenTrial t = study.best();
    assertEquals(best, t.params());
    double index = t.internalParams().get("kind");
    assertEquals(best.get("kind"), List.of("a", "b").get((int) index));
  }

  @Test
  void optimizeOptions_badValues_throwNamingTheField() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> OptimizeOptions.trials(0))
            .getMessage()
            .contains("nTrials"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> OptimizeOptions.trials(1).threads(0))
            .getMessage()
            .contains("threads"));
  }
}
