package org.hpo4j.dashboard.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.dashboard.Studies;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

class ImportanceTest {

  @Test
  void of_onlyX0Matters_ranksX0FirstWithMostOfTheShare() {
    for (long seed = 1; seed <= 3; seed++) {
      Study s = Studies.onlyX0Matters(Storages.inMemory(), "imp" + seed, 200, seed);
      Map<String, Double> imp = Importance.of(s);
      List<String> order = new ArrayList<>(imp.keySet());
      assertEquals("x0", order.get(0), "seed " + seed + ": " + imp);
      assertTrue(imp.get("x0") > 0.6, "seed " + seed + ": " + imp);
      assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
  }

  @Test
  void of_conditionalSpace_ranksTheParametersThatMatterAboveNoise() {
    Study s = Studies.conditional(Storages.inMemory(), "cond", 300, 11);
    Map<String, Double> imp = Importance.of(s);
    assertEquals(4, imp.size(), imp.toString());
    assertTrue(imp.get("C") > imp.get("noise"), imp.toString());
    assertTrue(imp.get("model") > imp.get("noise"), imp.toString());
    assertTrue(imp.get("depth") > 0, imp.toString());
    assertTrue(imp.get("noise") < 0.1, imp.toString());
  }

  @Test
  void index_logIntAndSteppedFloat_giveOneCellPerValue() {
    var logInt = org.hpo4j.space.IntDistribution.of("k", 1, 8, true, 1);
    for (int v = 1; v <= 8; v++) {
      assertEquals(v - 1, PedAnova.index(logInt, v), 0);
    }
    var stepped = org.hpo4j.space.FloatDistribution.of("f", 0, 1, false, 0.25);
    assertEquals(3, PedAnova.index(stepped, 0.75), 0);
    assertEquals(
        1,
        PedAnova.index(org.hpo4j.space.CategoricalDistribution.of("c", List.of("a", "b")), 1),
        0);
  }

  @Test
  void of_onlyALogIntMatters_ranksItFirst() {
    Study s =
        Study.builder()
            .name("log-int")
            .storage(Storages.inMemory())
            .sampler(org.hpo4j.sampler.RandomSampler.builder().seed(8).build())
            .build();
    s.optimize(
        t -> {
          long k = t.suggestInt("k", 1, 32, true);
          t.suggestFloat("noise", 0, 1);
          return Math.abs(Math.log(k) - Math.log(16));
        },
        150);
    Map<String, Double> imp = Importance.of(s);
    assertEquals("k", imp.keySet().iterator().next(), imp.toString());
  }

  @Test
  void of_storageAndName_matchesTheStudyCall() {
    Storage storage = Storages.inMemory();
    Study s = Studies.onlyX0Matters(storage, "by-name", 80, 4);
    assertEquals(Importance.of(s), Importance.of(storage, "by-name", 0));
  }

  @Test
  void of_tooFewTrials_isEmpty() {
    Study s = Studies.onlyX0Matters(Storages.inMemory(), "few", 3, 5);
    assertTrue(Importance.of(s).isEmpty());
  }

  @Test
  void of_unknownStudyOrMultiObjective_throwsWithAClearMessage() {
    Storage storage = Storages.inMemory();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Importance.of(storage, "nope", 0));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    Study mo = Studies.twoObjectives(storage, "mo", 10, 6);
    e = assertThrows(IllegalArgumentException.class, () -> Importance.of(mo));
    assertTrue(e.getMessage().contains("2 objectives"), e.getMessage());
    assertEquals(2, Importance.of(mo, 1).size());
  }
}
