package org.hpo4j.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.testing.MutableClock;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/** Heartbeats, the server's stale-trial sweep, and a client's finish across a server restart. */
class LivenessTest {

  private static ServerOptions options(MutableClock clock) {
    return ServerOptions.defaults()
        .withAddress("127.0.0.1", 0)
        .withLog(m -> {})
        .withClock(clock)
        .withLiveness(Duration.ofHours(1), Duration.ofHours(2), 1);
  }

  @Test
  void trialOfASilentWorker_isFailedByTheSweep_andItsParametersRetriedOnce() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    try (Storage backend = Storages.inMemory();
        StorageServer server = StorageServer.start(backend, options(clock))) {
      GrpcStorage dead = GrpcStorage.open(server.url());
      long study = dead.createStudy("s", List.of(StudyDirection.MINIMIZE));
      FrozenTrial t = dead.createTrial(study, Map.of(), false);
      dead.setParam(t.id(), "x", 0.25, new FloatDistribution(0, 1));
      dead.close(); // its last heartbeat carries the parameter; then it is silent

      try (GrpcStorage alive = GrpcStorage.open(server.url())) {
        assertTrue(
            alive.claimWaitingTrial(study).isEmpty(), "within the grace period nothing is failed");
        clock.advance(Duration.ofHours(3));
        FrozenTrial retry = alive.claimWaitingTrial(study).orElseThrow();
        FrozenTrial failed = alive.trial(t.id());
        assertEquals(TrialState.FAIL, failed.state());
        assertTrue(String.valueOf(failed.systemAttrs().get("fail_reason")).contains("heartbeat"));
        assertEquals(t.number(), ((Number) retry.systemAttrs().get("retry_of")).intValue());
        assertEquals(
            0.25,
            ((Number) ((Map<?, ?>) retry.systemAttrs().get("fixed_params")).get("x"))
                .doubleValue());
        alive.close(); // the retry's worker dies too: max_retries=1, so it is failed and not
        // enqueued again
        clock.advance(Duration.ofHours(3));
        try (GrpcStorage third = GrpcStorage.open(server.url())) {
          assertTrue(third.claimWaitingTrial(study).isEmpty(), "no second retry");
          FrozenTrial last = third.trial(retry.id());
          assertEquals(TrialState.FAIL, last.state());
          assertEquals(List.of(t.number()), last.systemAttrs().get("retry_history"));
        }
      }
    }
  }

  @Test
  void beatingWorker_keepsItsTrialPastTheGracePeriod_andOthersSeeItsParameters() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    try (Storage backend = Storages.inMemory();
        StorageServer server = StorageServer.start(backend, options(clock));
        GrpcStorage worker = GrpcStorage.open(server.url());
        GrpcStorage other = GrpcStorage.open(server.url())) {
      long study = worker.createStudy("s", List.of(StudyDirection.MINIMIZE));
      FrozenTrial t = worker.createTrial(study, Map.of(), false);
      worker.setParam(t.id(), "x", 0.5, new FloatDistribution(0, 1));
      assertEquals(Map.of(), other.trial(t.id()).params(), "written with the next heartbeat");
      for (int i = 0; i < 4; i++) { // 4 x 40 min > the 2 h grace period, a beat in between each
        clock.advance(Duration.ofMinutes(40));
        worker.beatNow();
      }
      assertTrue(other.claimWaitingTrial(study).isEmpty());
      FrozenTrial seen = other.trial(t.id());
      assertEquals(TrialState.RUNNING, seen.state());
      assertEquals(Map.of("x", 0.5), seen.params());
      assertTrue(worker.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.5)));
    }
  }

  /**
   * Found by the fault suite (serve-restart): a finish retried while the server restarts took
   * longer than the grace period, its trial beat no more, and the new server failed it, dropping
   * the result.
   */
  @Test
  void trialWhoseFinishIsInFlight_keepsBeating_andIsNotFailedBySweep() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    try (Storage backend = Storages.inMemory();
        StorageServer server = StorageServer.start(backend, options(clock));
        GrpcStorage worker = GrpcStorage.open(server.url());
        GrpcStorage other = GrpcStorage.open(server.url())) {
      long study = worker.createStudy("s", List.of(StudyDirection.MINIMIZE));
      FrozenTrial t = worker.createTrial(study, Map.of(), false);
      assertTrue(
          worker
              .owned
              .get(t.id())
              .markFinished()); // what finishTrial does before its call is delivered
      for (int i = 0; i < 4; i++) { // 4 x 40 min > the 2 h grace period, a beat in between each
        clock.advance(Duration.ofMinutes(40));
        worker.beatNow();
      }
      assertTrue(other.claimWaitingTrial(study).isEmpty(), "nothing failed and enqueued again");
      assertEquals(TrialState.RUNNING, other.trial(t.id()).state());
    }
  }

  @Test
  void finish_acrossAServerRestart_isRetriedAndDelivered() throws Exception {
    Storage backend = Storages.inMemory();
    StorageServer first =
        StorageServer.start(
            backend, ServerOptions.defaults().withAddress("127.0.0.1", 0).withLog(m -> {}));
    int port = first.port();
    try (GrpcStorage client = GrpcStorage.open(first.url())) {
      long study = client.createStudy("s", List.of(StudyDirection.MINIMIZE));
      FrozenTrial t = client.createTrial(study, Map.of(), false);
      client.setParam(t.id(), "x", 0.75, new FloatDistribution(0, 1));
      first.close();
      CompletableFuture<Boolean> finish =
          CompletableFuture.supplyAsync(
              () -> client.finishTrial(t.id(), TrialState.COMPLETE, List.of(2.0)));
      try (StorageServer second =
          StorageServer.start(
              backend, ServerOptions.defaults().withAddress("127.0.0.1", port).withLog(m -> {}))) {
        assertTrue(finish.get(), "the finish waits for the server and is delivered");
        FrozenTrial done = backend.trial(t.id());
        assertEquals(TrialState.COMPLETE, done.state());
        assertEquals(Map.of("x", 0.75), done.params(), "with everything written to the trial");
      }
    } finally {
      backend.close();
    }
  }

  @Test
  void finish_serverGoneForLongerThanRetryFor_failsWithOneClearMessage() {
    try (Storage backend = Storages.inMemory()) {
      StorageServer server =
          StorageServer.start(
              backend, ServerOptions.defaults().withAddress("127.0.0.1", 0).withLog(m -> {}));
      try (GrpcStorage client = GrpcStorage.open(server.url() + "?retry_for=0.5")) {
        long study = client.createStudy("s", List.of(StudyDirection.MINIMIZE));
        FrozenTrial t = client.createTrial(study, Map.of(), false);
        server.close();
        StorageException e =
            assertThrows(
                StorageException.class,
                () -> client.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0)));
        assertTrue(
            e.getMessage().contains("result of trial 0 could not be delivered")
                && e.getMessage().contains("cannot be reached")
                && e.getMessage().contains("run its parameters again"),
            e.getMessage());
      }
    }
  }
}
