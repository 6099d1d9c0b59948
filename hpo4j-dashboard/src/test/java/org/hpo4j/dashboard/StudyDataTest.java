package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class StudyDataTest {

  @Test
  void of_gpSourceThrows_keepsTheOtherPlotsAndSaysWhy() {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "gp-fails", 10, 1);
    GpViewSource broken =
        (study, p, sampler) -> {
          throw new IllegalStateException("Cholesky failed");
        };
    StudyData d = StudyData.of(storage, "gp-fails", broken, Instant.now());
    assertTrue(d.gp().isEmpty());
    assertTrue(d.gpNote().contains("Cholesky failed"), d.gpNote());
    assertEquals(10, d.objectives().get(0).history().points().size());
  }

  @Test
  void of_gpSource_isAskedForTheMostImportantParametersFirst() {
    Storage storage = Storages.inMemory();
    Studies.onlyX0Matters(storage, "gp-order", 60, 2);
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    GpViewSource spy =
        (study, p, sampler) -> {
          asked.add(p);
          return Optional.<GpViewPlot>empty();
        };
    StudyData d = StudyData.of(storage, "gp-order", spy, Instant.now());
    assertEquals(StudyData.GP_PARAMS, asked.size());
    assertEquals("x0", asked.get(0));
    assertTrue(d.gpNote().startsWith("no GP view"));
  }

  @Test
  void of_counts_andVersionChangesWhenATrialFinishes() {
    Storage storage = Storages.inMemory();
    var s = Studies.curves(storage, "counts", 6, 3);
    StudyData d = StudyData.of(storage, "counts", GpViewSource.none(), Instant.now());
    assertEquals(3, d.counts().get(TrialState.COMPLETE));
    assertEquals(2, d.counts().get(TrialState.PRUNED));
    assertEquals(1, d.counts().get(TrialState.FAIL));
    assertNull(d.pareto());
    String v = d.version();
    s.tell(s.ask(), 1.0);
    assertTrue(
        !v.equals(StudyData.of(storage, "counts", GpViewSource.none(), Instant.now()).version()));
  }
}
