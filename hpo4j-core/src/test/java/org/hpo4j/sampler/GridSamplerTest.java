package org.hpo4j.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

  private static Map<String, List<?>> grid() {
    Map<String, List<?>> g = new LinkedHashMap<>();
    g.put("x", List.of(-1.0, 0.0, 1.0));
    g.put("n", List.of(1, 2, 3, 4));
    g.put("act", List.of("relu", "tanh"));
    return g;
  }

  private static double objective(Trial t) {
    double x = t.suggestFloat("x", -1, 1);
    long n = t.suggestInt("n", 1, 4);
    String act = t.suggestCategorical("act", List.of("relu", "tanh"));
    return x * n + act.length();
  }

  @Test
  void optimize_withThreads_coversEveryPointOnceThenStops() {
    Study study =
        Study.builder().sampler(GridSampler.builder().grid(grid()).seed(0).build()).build();
    study.optimize(GridSamplerTest::objective, OptimizeOptions.trials(1000).threads(4));
    List<FrozenTrial> trials = study.trials();
    assertEquals(24, trials.size());
    Set<Map<String, Object>> points = new HashSet<>();
    trials.forEach(t -> points.add(t.params()));
    assertEquals(24, points.size());
  }

  @Test
  void resumedStudy_continuesWithTheUnvisitedPoints() {
    Storage storage = Storages.inMemory();
    Study first =
        Study.builder()
            .name("g")
            .storage(storage)
            .sampler(GridSampler.builder().grid(grid()).seed(1).build())
            .build();
    first.optimize(GridSamplerTest::objective, 10);
    Study second =
        Study.builder()
            .name("g")
            .storage(storage)
            .loadIfExists(true)
            .sampler(GridSampler.builder().grid(grid()).seed(1).build())
            .build();
    second.optimize(GridSamplerTest::objective, 100);
    Set<Map<String, Object>> points = new HashSet<>();
    second.trials().forEach(t -> points.add(t.params()));
    assertEquals(24, second.trials().size());
    assertEquals(24, points.size());
  }

  @Test
  void parameterOutsideGrid_failsTrialNamingIt() {
    Study study =
        Study.builder().sampler(GridSampler.builder().grid(grid()).seed(0).build()).build();
    study.optimize(t -> t.suggestFloat("y", 0, 1), 1);
    assertTrue(study.trials().get(0).systemAttrs().get("fail_reason").toString().contains("'y'"));
  }

  @Test
  void emptyValues_throwNamingTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GridSampler.builder().grid(Map.of("x", List.of())).seed(0).build());
    assertTrue(e.getMessage().contains("'x'"));
  }

  @Test
  void samplers_unknownName_listsKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Samplers.create("nope", 0, Map.of()));
    assertTrue(
        e.getMessage().contains("random") && e.getMessage().contains("grid"), e.getMessage());
  }
}
