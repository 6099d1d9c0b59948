package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process is killed (SIGKILL) in the middle of a trial: what it finished survives, and the
 * next worker fails its stale trial after the grace period and retries the same parameters.
 */
class CrashTest {
  private static final int FINISHED_BEFORE_CRASH = 5;

  @TempDir Path dir;

  @Test
  void killedWorker_finishedTrialsSurvive_staleTrialFailedAndRetried() throws Exception {
    String url =
        "sqlite:"
            + dir.resolve("crash.db")
            + "?heartbeat_interval=0.2&grace_period=1&max_retries=2";
    try (Storage storage = Storages.open(url)) {
      long study = storage.createStudy("crash", List.of(StudyDirection.MINIMIZE));
      Process worker = Workers.start(dir, url, "crash", 100, 7, FINISHED_BEFORE_CRASH);
      FrozenTrial hung = waitForHang(storage, study, worker);
      List<FrozenTrial> beforeKill = storage.trials(study, EnumSet.of(TrialState.COMPLETE));
      worker.destroyForcibly();
      worker.waitFor(60, TimeUnit.SECONDS);

      Thread.sleep(1500); // let the dead worker's last beat age past the 1 s grace period
      Study next =
          Study.builder()
              .name("crash")
              .storage(storage)
              .sampler(RandomSampler.builder().seed(99).build())
              .loadIfExists(true)
              .build();
      next.optimize(t -> t.suggestFloat("x", -5, 5) + t.suggestInt("k", 0, 3), 3);

      List<FrozenTrial> all = storage.trials(study, null);
      assertEquals(beforeKill, all.subList(0, FINISHED_BEFORE_CRASH), "finished trials are intact");
      FrozenTrial failed = all.get(hung.number());
      assertEquals(TrialState.FAIL, failed.state());
      assertTrue(String.valueOf(failed.systemAttrs().get("fail_reason")).contains("heartbeats"));
      FrozenTrial retry = all.get(hung.number() + 1);
      assertEquals(TrialState.COMPLETE, retry.state());
      assertEquals(hung.number(), ((Number) retry.systemAttrs().get("retry_of")).intValue());
      assertEquals(hung.param("x"), retry.param("x"), "the retry evaluates the same parameters");
      assertEquals(hung.param("k"), retry.param("k"));
      assertEquals(FINISHED_BEFORE_CRASH + 2 + 2, all.size(), "5 done, 1 failed, its retry, 2 new");
    }
  }

  /**
   * @return the hung trial, as read once its two parameters were visible
   */
  private static FrozenTrial waitForHang(Storage storage, long study, Process worker)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!worker.isAlive()) {
        fail("the worker exited early with " + worker.exitValue());
      }
      List<FrozenTrial> running = storage.trials(study, EnumSet.of(TrialState.RUNNING));
      if (storage.countTrials(study, EnumSet.of(TrialState.COMPLETE)) == FINISHED_BEFORE_CRASH
          && running.size() == 1
          && running.get(0).internalParams().size() == 2) {
        return running.get(0);
      }
      Thread.sleep(100);
    }
    worker.destroyForcibly();
    return fail("the worker never reached trial " + FINISHED_BEFORE_CRASH);
  }
}
