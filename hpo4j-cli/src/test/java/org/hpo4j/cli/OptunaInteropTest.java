package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * hpo4j and the real Optuna 5.0.0rc1 on one storage (SQLite, PostgreSQL, journal file): Optuna
 * reads what {@code hpo run} wrote, an Optuna TPE worker and two {@code hpo worker} processes
 * optimize one study at once, optuna-dashboard's server lists hpo4j's study, and hpo4j reads and
 * draws what Optuna wrote.
 */
class OptunaInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @org.junit.jupiter.api.AfterEach
  void dropSchemas() throws Exception {
    OptunaPeer.dropCreated();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "journal"})
  void hpoRun_optunaAndItsDashboardSeeTheSameStudy(String kind) throws Exception {
    OptunaPeer.script();
    OptunaPeer.Store store = OptunaPeer.store(kind, dir);
    Path space = dir.resolve("space.yaml");
    Files.writeString(
        space,
        "lr: {low: 1.0e-4, high: 1.0, log: true}\ndepth: {low: 2, high: 10}\nopt: [sgd, adam]\n");
    CliRun run =
        CliRun.of(
            "run",
            "--space",
            space.toString(),
            "--trials",
            "60",
            "--direction",
            "minimize",
            "--storage",
            store.hpo(),
            "--study",
            "interop",
            "--seed",
            "3",
            "--",
            "sh",
            "-c",
            "echo \"intermediate 0 $1\"; echo \"intermediate 1 $2\"; echo \"$1\"",
            "sh",
            "{lr}",
            "{depth}");
    assertEquals(0, run.code(), run.err());

    JsonNode seen =
        JSON.readTree(OptunaPeer.run(dir, "inspect_study.py", store.python(), "interop"));
    try (Storage s = Storages.open(store.hpo())) {
      long id = s.findStudy("interop").orElseThrow();
      List<FrozenTrial> ours = s.trials(id, null);
      assertEquals(60, ours.size());
      assertEquals(60, seen.get("trials").size());
      FrozenTrial best = null;
      for (int i = 0; i < 60; i++) {
        FrozenTrial t = ours.get(i);
        JsonNode p = seen.get("trials").get(i);
        assertEquals(t.number(), p.get("number").asInt());
        assertEquals(t.state().name(), p.get("state").asText());
        assertEquals(t.values(), doubles(p.get("values")), "values of trial " + i);
        assertEquals(3, t.params().size());
        t.params().forEach((k, v) -> assertSameParam(v, p.get("params").get(k), k));
        t.distributions()
            .forEach(
                (k, d) ->
                    assertEquals(
                        optunaJson(d),
                        normalized(p.get("distributions").get(k).asText()),
                        "distribution of " + k));
        Map<Integer, Double> inter = new TreeMap<>();
        p.get("intermediate")
            .fields()
            .forEachRemaining(
                e -> inter.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
        assertEquals(t.intermediateValues(), inter, "intermediate values of trial " + i);
        assertEquals(2, inter.size());
        assertEquals(JSON.valueToTree(t.userAttrs()), p.get("user_attrs"));
        if (t.state() == TrialState.COMPLETE && (best == null || t.value() < best.value())) {
          best = t;
        }
      }
      assertEquals(best.number(), seen.get("best").asInt(), "the same best trial");
      dashboardLists(store, "interop", 60);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "journal"})
  void optunaTpeWorkerAndTwoHpoWorkers_shareOneStudyWithoutGapsOrDuplicates(String kind)
      throws Exception {
    OptunaPeer.script();
    OptunaPeer.Store store = OptunaPeer.store(kind, dir);
    try (Storage s = Storages.open(store.hpo())) {
      s.createStudy("branin-quick", List.of(StudyDirection.MINIMIZE));
    }
    List<Process> hpo = new ArrayList<>();
    for (int seed = 1; seed <= 2; seed++) {
      hpo.add(hpoWorker(store.hpo(), seed));
    }
    Process python =
        OptunaPeer.start(dir, "tpe_worker.py", store.python(), "branin-quick", "50", "7");
    for (int i = 0; i < hpo.size(); i++) {
      assertTrue(hpo.get(i).waitFor(180, TimeUnit.SECONDS), "hpo worker " + i + " finished");
      assertEquals(
          0, hpo.get(i).exitValue(), Files.readString(dir.resolve("worker-" + (i + 1) + ".log")));
    }
    assertTrue(python.waitFor(180, TimeUnit.SECONDS), "python worker finished");
    assertEquals(0, python.exitValue(), OptunaPeer.log(dir, "tpe_worker.py"));

    JsonNode seen =
        JSON.readTree(OptunaPeer.run(dir, "inspect_study.py", store.python(), "branin-quick"));
    try (Storage s = Storages.open(store.hpo())) {
      List<FrozenTrial> trials = s.trials(s.findStudy("branin-quick").orElseThrow(), null);
      assertEquals(150, trials.size());
      assertEquals(150, seen.get("trials").size());
      Set<Integer> numbers = new HashSet<>();
      int byPython = 0;
      int foreignSeen = 0;
      Map<String, Distribution> hpoDists = null;
      List<Map<String, Distribution>> pythonDists = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        FrozenTrial t = trials.get(i);
        assertEquals(TrialState.COMPLETE, t.state(), "trial " + t.number());
        assertEquals(i, t.number());
        assertTrue(numbers.add(seen.get("trials").get(i).get("number").asInt()));
        assertEquals("COMPLETE", seen.get("trials").get(i).get("state").asText());
        if ("python".equals(t.userAttrs().get("by"))) {
          byPython++;
          foreignSeen =
              Math.max(foreignSeen, ((Number) t.userAttrs().get("foreign_seen")).intValue());
          pythonDists.add(t.distributions());
        } else {
          hpoDists = t.distributions();
        }
      }
      assertEquals(50, byPython);
      assertTrue(
          foreignSeen > 0, "Optuna's sampler saw hpo4j's trials (at most " + foreignSeen + ")");
      for (Map<String, Distribution> d : pythonDists) {
        assertEquals(hpoDists, d, "hpo4j's sampler reads Optuna's trials in its own search space");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "journal"})
  void studyOptunaWrote_isShownAndDrawnByHpo(String kind) throws Exception {
    OptunaPeer.script();
    OptunaPeer.Store store = OptunaPeer.store(kind, dir);
    OptunaPeer.run(dir, "write_study.py", store.python());
    CliRun show = CliRun.of("studies", "show", "py", "--storage", store.hpo());
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("trials: 11 complete, 3 pruned, 1 failed"), show.out());
    CliRun mo = CliRun.of("studies", "show", "mo", "--storage", store.hpo());
    assertTrue(mo.out().contains("Pareto front"), mo.out());
    for (String study : List.of("py", "mo")) {
      Path html = dir.resolve(study + ".html");
      CliRun report =
          CliRun.of("report", "--study", study, "--storage", store.hpo(), "-o", html.toString());
      assertEquals(0, report.code(), report.err());
      assertTrue(Files.size(html) > 10_000, "report of " + study);
    }
    try (Storage s = Storages.open(store.hpo())) {
      List<FrozenTrial> t = s.trials(s.findStudy("py").orElseThrow(), null);
      assertEquals(List.of(Double.POSITIVE_INFINITY), t.get(2).values());
      assertTrue(Double.isNaN(t.get(0).intermediateValues().get(1)), "NaN intermediate value");
      assertEquals(Map.of("k", List.of(1, 2)), t.get(0).userAttrs().get("tag"));
      assertEquals(
          List.of("loss"),
          s.studySystemAttrs(s.findStudy("py").orElseThrow()).get("study:metric_names"));
    }
  }

  private Process hpoWorker(String url, int seed) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            cp,
            Hpo.class.getName(),
            "worker",
            "../examples/branin-quick.yaml",
            "--storage",
            url,
            "--trials",
            "50",
            "--seed",
            Integer.toString(seed));
    File log = dir.resolve("worker-" + seed + ".log").toFile();
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
  }

  /** optuna-dashboard's server on this storage lists the study with its trials. */
  private void dashboardLists(OptunaPeer.Store store, String name, int trials) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url =
        store.kind().equals("journal")
            ? store.python().substring("journal:".length())
            : store.python();
    List<String> cmd =
        List.of(
            OptunaPeer.script().toString(),
            "-m",
            "optuna_dashboard_server",
            url,
            "--port",
            Integer.toString(port),
            "--host",
            "127.0.0.1");
    Process server =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dashboard.log").toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      JsonNode list = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (list == null && System.nanoTime() < deadline && server.isAlive()) {
        try {
          list =
              JSON.readTree(
                  http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + port + "/api/studies"))
                              .timeout(Duration.ofSeconds(10))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
        } catch (java.io.IOException notYet) {
          server.waitFor(200, TimeUnit.MILLISECONDS); // the server is still starting
        }
      }
      assertTrue(
          list != null,
          "dashboard server answered: " + Files.readString(dir.resolve("dashboard.log")));
      long id = -1;
      for (JsonNode s : list.get("study_summaries")) {
        if (s.get("study_name").asText().equals(name)) {
          id = s.get("study_id").asLong();
        }
      }
      assertTrue(id >= 0, "dashboard lists '" + name + "': " + list);
      JsonNode detail =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/api/studies/" + id))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertEquals(name, detail.get("name").asText());
      assertEquals(trials, detail.get("trials").size());
      for (int i = 0; i < trials; i++) {
        assertEquals(i, detail.get("trials").get(i).get("number").asInt());
      }
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static List<Double> doubles(JsonNode a) {
    List<Double> out = new ArrayList<>();
    if (a != null && !a.isNull()) {
      a.forEach(
          n ->
              out.add(
                  n.isTextual()
                      ? Double.parseDouble(n.asText().replace("inf", "Infinity"))
                      : n.asDouble()));
    }
    return out;
  }

  private static void assertSameParam(Object ours, JsonNode theirs, String name) {
    if (ours instanceof String str) {
      assertEquals(str, theirs.asText(), name);
    } else if (ours instanceof Long l) {
      assertTrue(theirs.isIntegralNumber(), name + " is an int in Optuna: " + theirs);
      assertEquals(l.longValue(), theirs.asLong(), name);
    } else {
      assertEquals(((Number) ours).doubleValue(), theirs.asDouble(), 0.0, name);
    }
  }

  /** Optuna's distribution JSON of an hpo4j distribution, numbers as doubles for comparison. */
  private static JsonNode optunaJson(Distribution d) {
    try {
      return normalized(optunaText(d));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String optunaText(Distribution d) throws java.io.IOException {
    String json;
    if (d instanceof FloatDistribution f) {
      json =
          JSON.writeValueAsString(
              Map.of(
                  "name",
                  "FloatDistribution",
                  "attributes",
                  mapOf("low", f.low(), "high", f.high(), "log", f.log(), "step", f.step())));
    } else if (d instanceof IntDistribution i) {
      json =
          JSON.writeValueAsString(
              Map.of(
                  "name",
                  "IntDistribution",
                  "attributes",
                  mapOf("low", i.low(), "high", i.high(), "log", i.log(), "step", i.step())));
    } else {
      json =
          JSON.writeValueAsString(
              Map.of(
                  "name",
                  "CategoricalDistribution",
                  "attributes",
                  Map.of("choices", ((CategoricalDistribution) d).choices())));
    }
    return json;
  }

  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Parses JSON with every number as a double, so 1 and 1.0 compare equal. */
  private static JsonNode normalized(String json) {
    try {
      return JSON.valueToTree(normalize(JSON.readValue(json, Object.class)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object normalize(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put((String) k, normalize(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(normalize(v)));
      return out;
    }
    return o;
  }
}
