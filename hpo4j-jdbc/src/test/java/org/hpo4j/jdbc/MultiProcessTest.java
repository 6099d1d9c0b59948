package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes share one study: every trial number from 0 to N-1 exactly once, all COMPLETE,
 * every value stored.
 */
class MultiProcessTest {
  @TempDir Path dir;

  @Test
  void sqlite_fourProcesses_numbersWithoutGapsOrDuplicates() throws Exception {
    runWorkers("sqlite:" + dir.resolve("shared.db"), 4, 25);
  }

  @Test
  void postgres_eightProcesses_numbersWithoutGapsOrDuplicates() throws Exception {
    PgTesting.url();
    String schema = PgTesting.createSchema();
    try {
      runWorkers(PgTesting.urlFor(schema) + "&pool_size=2", 8, 50);
    } finally {
      PgTesting.dropSchema(schema);
    }
  }

  private void runWorkers(String url, int processes, int trialsEach) throws Exception {
    try (Storage storage = Storages.open(url)) {
      long study = storage.createStudy("shared", List.of(StudyDirection.MINIMIZE));
      List<Process> workers = new ArrayList<>();
      for (int i = 0; i < processes; i++) {
        workers.add(Workers.start(dir, url, "shared", trialsEach, i, -1));
      }
      for (int i = 0; i < processes; i++) {
        Process p = workers.get(i);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "worker " + i + " failed:\n" + Workers.log(dir, i));
      }
      int n = processes * trialsEach;
      List<FrozenTrial> trials = storage.trials(study, null);
      assertEquals(n, trials.size());
      assertEquals(n, storage.countTrials(study, EnumSet.of(TrialState.COMPLETE)));
      for (int k = 0; k < n; k++) {
        FrozenTrial t = trials.get(k);
        assertEquals(k, t.number());
        double x = (Double) t.param("x");
        long kk = (Long) t.param("k");
        assertEquals(x * x + kk, t.value(), 1e-12, "value of trial " + k);
      }
      assertTrue(trials.stream().map(FrozenTrial::id).distinct().count() == n);
    }
  }
}
