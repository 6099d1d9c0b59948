package org.hpo4j.cli;

import static org.hpo4j.cli.GrpcProcesses.await;
import static org.hpo4j.cli.GrpcProcesses.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.hpo4j.grpc.GrpcStorage;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes around {@code hpo serve}: the server killed (SIGKILL) mid-study and restarted on the same
 * SQLite file, and a worker killed mid-trial. Trials run a short command, so that a crash lands
 * inside a study.
 */
class GrpcFaultTest {
  private static final String STUDY =
      """
      name: slow
      direction: minimize
      trials: 1000
      space:
        x: {low: 0.0, high: 1.0}
      objective:
        command: [sh, -c, "sleep %s; echo {x}"]
        timeout: 60s
      """;

  @TempDir Path dir;

  private Path studyFile(double sleepSeconds) throws Exception {
    return Files.writeString(dir.resolve("slow.yaml"), STUDY.formatted(sleepSeconds));
  }

  @Test
  void serverKilledAndRestarted_workersContinue_noFinishedTrialLost() throws Exception {
    Path file = studyFile(0.1);
    int port = GrpcProcesses.freePort();
    String db = "sqlite:" + dir.resolve("s.db");
    String[] serve = {"serve", "--storage", db, "--port", "" + port};
    Path log1 = dir.resolve("serve1.log");
    Process server = GrpcProcesses.hpo(log1, serve);
    Process restarted = null;
    try {
      GrpcProcesses.servedPort(server, log1);
      String url = "grpc://127.0.0.1:" + port;
      int n = 15;
      Path w1 = dir.resolve("w1.log");
      Path w2 = dir.resolve("w2.log");
      Process a =
          GrpcProcesses.hpo(
              w1, "worker", file.toString(), "--storage", url, "--trials", "" + n, "--seed", "1");
      Process b =
          GrpcProcesses.hpo(
              w2, "worker", file.toString(), "--storage", url, "--trials", "" + n, "--seed", "2");
      awaitTrials(url + "?retry_for=5", t -> t.state() == TrialState.COMPLETE, 4);
      GrpcProcesses.kill(server); // SIGKILL mid-study
      Path log2 = dir.resolve("serve2.log");
      restarted = GrpcProcesses.hpo(log2, serve);
      GrpcProcesses.servedPort(restarted, log2);
      assertEquals(0, await(a, w1, 120), read(w1));
      assertEquals(0, await(b, w2, 120), read(w2));
      assertTrue(
          (read(w1) + read(w2)).contains("did not answer"),
          "the workers retried across the restart: " + read(w1) + read(w2));
      try (GrpcStorage client = GrpcStorage.open(url)) {
        List<FrozenTrial> trials = client.trials(client.findStudy("slow").orElseThrow(), null);
        List<FrozenTrial> complete =
            trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertEquals(2 * n, complete.size(), "every trial the workers ran is COMPLETE: " + trials);
        assertEquals(
            IntStream.range(0, trials.size()).boxed().toList(),
            trials.stream().map(FrozenTrial::number).toList());
        assertTrue(
            complete.stream().allMatch(t -> t.params().containsKey("x")),
            "finished with their parameters");
        // A trial whose creation reached the dead server but whose reply did not is left without a
        // worker; it never has parameters (it never ran).
        assertTrue(
            trials.stream()
                .filter(t -> t.state() != TrialState.COMPLETE)
                .allMatch(t -> t.params().isEmpty()),
            "" + trials);
      }
    } finally {
      GrpcProcesses.kill(server);
      GrpcProcesses.kill(restarted);
    }
  }

  @Test
  void workerKilledMidTrial_itsTrialFailsAndIsRetriedWithItsParameters() throws Exception {
    Path file = studyFile(30);
    Path log = dir.resolve("serve.log");
    Process server =
        GrpcProcesses.hpo(
            log,
            "serve",
            "--storage",
            "sqlite:" + dir.resolve("s.db"),
            "--port",
            "0",
            "--heartbeat-interval",
            "0.3",
            "--grace-period",
            "1.5");
    try {
      String url = "grpc://127.0.0.1:" + GrpcProcesses.servedPort(server, log);
      Path w1 = dir.resolve("w1.log");
      Process victim =
          GrpcProcesses.hpo(
              w1, "worker", file.toString(), "--storage", url, "--trials", "1", "--seed", "1");
      // Its parameters reach the server with its first heartbeat.
      FrozenTrial running =
          awaitTrials(url, t -> t.state() == TrialState.RUNNING && t.params().containsKey("x"), 1);
      GrpcProcesses.kill(victim);
      FrozenTrial failed =
          awaitTrials(url, t -> t.number() == running.number() && t.state() == TrialState.FAIL, 1);
      assertTrue(
          String.valueOf(failed.systemAttrs().get("fail_reason")).contains("heartbeat"),
          "" + failed);

      Files.writeString(file, STUDY.formatted(0));
      Path w2 = dir.resolve("w2.log");
      Process rescuer =
          GrpcProcesses.hpo(
              w2, "worker", file.toString(), "--storage", url, "--trials", "1", "--seed", "2");
      assertEquals(0, await(rescuer, w2, 120), read(w2));
      try (GrpcStorage client = GrpcStorage.open(url)) {
        List<FrozenTrial> trials = client.trials(client.findStudy("slow").orElseThrow(), null);
        Optional<FrozenTrial> retry =
            trials.stream()
                .filter(
                    t -> Integer.valueOf(running.number()).equals(t.systemAttrs().get("retry_of")))
                .findFirst();
        assertTrue(retry.isPresent(), "the dead worker's trial is enqueued again: " + trials);
        assertEquals(TrialState.COMPLETE, retry.get().state(), "" + retry.get());
        assertEquals(running.params(), retry.get().params(), "the retry runs the same parameters");
      }
    } finally {
      GrpcProcesses.kill(server);
    }
  }

  /**
   * @return the first trial of study "slow" matching {@code p}, once {@code count} trials match
   */
  private static FrozenTrial awaitTrials(String url, Predicate<FrozenTrial> p, int count)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (GrpcStorage client = GrpcStorage.open(url)) {
      while (System.nanoTime() < deadline) {
        Optional<Long> id = client.findStudy("slow");
        if (id.isPresent()) {
          List<FrozenTrial> match = client.trials(id.get(), null).stream().filter(p).toList();
          if (match.size() >= count) {
            return match.get(0);
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("no " + count + " matching trials within 90 s");
  }
}
