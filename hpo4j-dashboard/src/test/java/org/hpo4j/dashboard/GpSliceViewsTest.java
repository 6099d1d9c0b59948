package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;

class GpSliceViewsTest {

  private static Study quadratic(Storage storage, StudyDirection direction, int n) {
    Study s =
        Study.builder()
            .name("gp-" + direction)
            .storage(storage)
            .direction(direction)
            .sampler(RandomSampler.builder().seed(3).build())
            .build();
    double sign = direction == StudyDirection.MINIMIZE ? 1 : -1;
    s.optimize(
        t -> {
          double x = t.suggestFloat("x", -2, 2);
          double y = t.suggestFloat("y", 0, 1);
          return sign * ((x - 0.5) * (x - 0.5) + 0.1 * y);
        },
        n);
    return s;
  }

  @Test
  void view_quadratic_meanFollowsTheObservationsAndProposalIsMarked() {
    Study s = quadratic(Storages.inMemory(), StudyDirection.MINIMIZE, 25);
    GpViewPlot g = GpSliceViews.logEi(0).view(s, "x", "gp").orElseThrow();
    assertEquals(GpSliceViews.POINTS, g.x().size());
    assertEquals("log EI", g.acquisition());
    assertNotNull(g.next());
    assertTrue(g.next() >= -2 && g.next() <= 2);
    assertEquals(25, g.observations().size());
    for (int i = 0; i < g.x().size(); i++) {
      assertTrue(g.lower().get(i) <= g.mean().get(i) && g.mean().get(i) <= g.upper().get(i));
    }
    // The posterior mean is lowest near the true minimum x = 0.5, not at the edges.
    int argmin = 0;
    for (int i = 1; i < g.mean().size(); i++) {
      if (g.mean().get(i) < g.mean().get(argmin)) {
        argmin = i;
      }
    }
    assertEquals(0.5, g.x().get(argmin), 0.5);
  }

  @Test
  void view_maximize_meanIsInObjectiveUnits() {
    Study s = quadratic(Storages.inMemory(), StudyDirection.MAXIMIZE, 25);
    GpViewPlot g = GpSliceViews.logEi(0).view(s, "x", "gp").orElseThrow();
    assertEquals(StudyDirection.MAXIMIZE, g.direction());
    assertTrue(g.mean().stream().allMatch(m -> m < 0.2), g.mean().toString());
  }

  @Test
  void view_tooFewTrialsOrUnknownParameter_isEmpty() {
    Storage storage = Storages.inMemory();
    Study few = quadratic(storage, StudyDirection.MINIMIZE, 2);
    assertEquals(Optional.empty(), GpSliceViews.logEi(0).view(few, "x", "gp"));
    Study s = quadratic(Storages.inMemory(), StudyDirection.MINIMIZE, 20);
    assertEquals(Optional.empty(), GpSliceViews.logEi(0).view(s, "nope", "gp"));
  }

  @Test
  void studyData_withTheRealGp_hasAViewPerModelledParameter() {
    Storage storage = Storages.inMemory();
    quadratic(storage, StudyDirection.MINIMIZE, 20);
    StudyData d = StudyData.of(storage, "gp-MINIMIZE", GpSliceViews.logEi(0), Instant.now());
    assertEquals(List.of("x", "y"), d.gp().stream().map(v -> v.axis().name()).toList());
    assertEquals(null, d.gpNote());
  }
}
