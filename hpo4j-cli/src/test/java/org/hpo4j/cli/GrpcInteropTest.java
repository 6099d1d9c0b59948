package org.hpo4j.cli;

import static org.hpo4j.cli.GrpcProcesses.await;
import static org.hpo4j.cli.GrpcProcesses.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.hpo4j.grpc.GrpcStorage;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hpo4j and the real Optuna (../shared/peers) on one gRPC storage: {@code hpo serve} with hpo4j and
 * Python workers on one study, and an hpo4j worker against Optuna's own proxy server.
 */
class GrpcInteropTest {
  private static final String EXAMPLE = "examples/branin-quick.yaml";

  /**
   * Optuna's TPE on the same space as the branin example; tags its trials so each side can tell
   * them apart.
   */
  private static final String PYTHON_WORKER =
      """
      import json, math, sys, time, optuna
      from optuna.storages import GrpcStorageProxy
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      storage = GrpcStorageProxy(host="127.0.0.1", port=int(sys.argv[1]))
      study = optuna.create_study(storage=storage, study_name="branin-quick", direction="minimize",
                                  load_if_exists=True, sampler=optuna.samplers.TPESampler(seed=0))
      def branin(t):
          t.set_user_attr("worker", "python")
          x0, x1 = t.suggest_float("x0", -5, 10), t.suggest_float("x1", 0, 15)
          u = x1 - 5.1 / (4 * math.pi ** 2) * x0 ** 2 + 5 / math.pi * x0 - 6
          return u * u + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x0) + 10
      study.optimize(branin, n_trials=int(sys.argv[2]))
      deadline = time.time() + 120  # the hpo4j workers may still be running: wait until all trials are finished
      while time.time() < deadline:
          trials = study.get_trials()
          if sum(1 for t in trials if t.state.is_finished()) >= int(sys.argv[3]):
              break
          time.sleep(0.2)
      mine = sum(1 for t in trials if t.user_attrs.get("worker") == "python")
      print(json.dumps({"python": mine, "others": len(trials) - mine,
                        "complete": sum(1 for t in trials if t.state == optuna.trial.TrialState.COMPLETE),
                        "numbers": sorted(t.number for t in trials)}))
      """;

  private static final String PYTHON_SERVER =
      """
      import sys, optuna
      from optuna.storages import run_grpc_proxy_server, get_storage
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      run_grpc_proxy_server(get_storage(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]))
      """;

  @TempDir Path dir;

  @Test
  void serve_twoHpoWorkersAndOnePythonTpeWorker_shareOneStudy() throws Exception {
    GrpcProcesses.optunaSh();
    Path script = Files.writeString(dir.resolve("worker.py"), PYTHON_WORKER);
    Path serveLog = dir.resolve("serve.log");
    Process serve =
        GrpcProcesses.hpo(
            serveLog, "serve", "--storage", "sqlite:" + dir.resolve("s.db"), "--port", "0");
    try {
      int port = GrpcProcesses.servedPort(serve, serveLog);
      String url = "grpc://127.0.0.1:" + port;
      int hpoTrials = 25;
      int pyTrials = 25;
      Path w1 = dir.resolve("w1.log");
      Path w2 = dir.resolve("w2.log");
      Path py = dir.resolve("py.log");
      Process a =
          GrpcProcesses.hpo(
              w1, "worker", EXAMPLE, "--storage", url, "--trials", "" + hpoTrials, "--seed", "1");
      Process b =
          GrpcProcesses.hpo(
              w2, "worker", EXAMPLE, "--storage", url, "--trials", "" + hpoTrials, "--seed", "2");
      Process p =
          GrpcProcesses.optuna(
              py, script, "" + port, "" + pyTrials, "" + (2 * hpoTrials + pyTrials));
      assertEquals(0, await(a, w1, 180), read(w1));
      assertEquals(0, await(b, w2, 180), read(w2));
      assertEquals(0, await(p, py, 180), read(py));
      int total = 2 * hpoTrials + pyTrials;

      try (GrpcStorage client = GrpcStorage.open(url)) {
        assertTrue(client.isHpo4jServer());
        long id = client.findStudy("branin-quick").orElseThrow();
        List<FrozenTrial> trials = client.trials(id, null);
        assertEquals(
            IntStream.range(0, total).boxed().toList(),
            trials.stream().map(FrozenTrial::number).toList(),
            "numbers without gaps or duplicates");
        assertTrue(
            trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE),
            "all COMPLETE: " + trials);
        long python =
            trials.stream().filter(t -> "python".equals(t.userAttrs().get("worker"))).count();
        assertEquals(pyTrials, python, "the hpo4j client sees the Python worker's trials");
        assertTrue(
            trials.stream().allMatch(t -> t.params().keySet().containsAll(List.of("x0", "x1"))));
      }
      String last = read(py).strip().lines().reduce((x, y) -> y).orElse("");
      assertTrue(
          last.contains("\"python\": " + pyTrials)
              && last.contains("\"others\": " + 2 * hpoTrials)
              && last.contains("\"complete\": " + total),
          "the Python worker sees the hpo4j workers' trials: " + last);
      assertTrue(
          read(serveLog).contains("connection from"),
          "hpo serve logs connections: " + read(serveLog));
    } finally {
      GrpcProcesses.kill(serve);
    }
  }

  @Test
  void worker_againstOptunasOwnProxyServer_runsItsTrials() throws Exception {
    GrpcProcesses.optunaSh();
    Path script = Files.writeString(dir.resolve("server.py"), PYTHON_SERVER);
    Path db = dir.resolve("optuna.db");
    int port = GrpcProcesses.freePort();
    Path serverLog = dir.resolve("server.log");
    Process server = GrpcProcesses.optuna(serverLog, script, "sqlite:///" + db, "" + port);
    try {
      GrpcProcesses.awaitListening(port, server, serverLog);
      String url = "grpc://127.0.0.1:" + port;
      Path log = dir.resolve("worker.log");
      Process w =
          GrpcProcesses.hpo(
              log, "worker", EXAMPLE, "--storage", url, "--trials", "12", "--seed", "3");
      assertEquals(0, await(w, log, 180), read(log));
      try (GrpcStorage client = GrpcStorage.open(url)) {
        assertFalse(client.isHpo4jServer(), "Optuna's server has no hpo4j calls");
        long id = client.findStudy("branin-quick").orElseThrow();
        List<FrozenTrial> trials = client.trials(id, null);
        assertEquals(
            IntStream.range(0, 12).boxed().toList(),
            trials.stream().map(FrozenTrial::number).toList());
        assertTrue(
            trials.stream()
                .allMatch(t -> t.state() == TrialState.COMPLETE && t.params().size() == 2),
            "" + trials);
      }
    } finally {
      GrpcProcesses.kill(server);
    }
  }
}
