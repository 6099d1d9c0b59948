package org.hpo4j.ml.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.ml.RecordingTrial;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.trial.FixedTrial;
import org.hpo4j.trial.TrialPrunedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandObjectiveTest {
  private static final SearchSpace SPACE =
      SearchSpace.parse(Map.of("x", Map.of("low", 0.0, "high", 1.0)));

  private static CommandObjective sh(
      String script, SearchSpace space, Duration timeout, Map<String, String> env, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("sh", "-c", script, "sh"));
    argv.addAll(List.of(args));
    return new CommandObjective(argv, space, timeout, null, env);
  }

  @Test
  void run_printsNumber_returnsItAndReportsIntermediates() throws Exception {
    var o =
        sh(
            "echo 'intermediate 1 0.5'; echo noise; echo \"intermediate 2 $HPO_PARAM_X\"; "
                + "echo $1",
            SPACE,
            Duration.ofSeconds(20),
            Map.of(),
            "{x}");
    var s = new RecordingTrial(1);
    double[] v = o.run(s);
    double x = (Double) s.params.get("x");
    assertArrayEquals(new double[] {x}, v, 0.0);
    assertEquals(2, s.reports.size());
    assertArrayEquals(new double[] {2, x}, s.reports.get(1), 0.0);
  }

  @Test
  void run_jsonWithSeveralValues_returnsAll() throws Exception {
    var o =
        sh(
            "echo '{\"values\": [0.9, 1200], \"intermediate\": {\"3\": 0.7}}'",
            SPACE,
            Duration.ofSeconds(20),
            Map.of());
    var s = new RecordingTrial(1);
    assertArrayEquals(new double[] {0.9, 1200}, o.run(s), 0.0);
    assertArrayEquals(new double[] {3, 0.7}, s.reports.get(0), 0.0);
  }

  @Test
  void run_shellMetacharactersAndSpaces_stayOneLiteralArgument(@TempDir Path dir) throws Exception {
    Path victim = Files.createFile(dir.resolve("x"));
    Path out = dir.resolve("args.txt");
    SearchSpace space =
        SearchSpace.parse(Map.of("evil", List.of("; rm -rf x"), "name", List.of("hello world")));
    var o =
        new CommandObjective(
            List.of(
                "sh",
                "-c",
                "printf '%s\\n' \"$@\" > \"$OUT\"; echo 1",
                "sh",
                "{evil}",
                "--name={name}"),
            space,
            Duration.ofSeconds(20),
            dir,
            Map.of("OUT", out.toString()));
    o.run(new RecordingTrial(1));
    assertEquals(List.of("; rm -rf x", "--name=hello world"), Files.readAllLines(out));
    assertTrue(Files.exists(victim));
  }

  @Test
  void run_crash_failsWithExitCodeAndStderr() {
    var o = sh("echo 'boom: bad input' >&2; exit 3", SPACE, Duration.ofSeconds(20), Map.of());
    var e = assertThrows(CommandFailedException.class, () -> o.run(new RecordingTrial(1)));
    assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("boom: bad input"), e.getMessage());
  }

  @Test
  void run_timeout_killsAndFails() {
    var o = sh("echo started; sleep 30; echo 1", SPACE, Duration.ofMillis(1500), Map.of());
    long t0 = System.nanoTime();
    var e = assertThrows(CommandFailedException.class, () -> o.run(new RecordingTrial(1)));
    assertTrue(e.getMessage().contains("timed out after PT1.5S"), e.getMessage());
    assertTrue((System.nanoTime() - t0) / 1e9 < 25, "the process was not killed");
  }

  @Test
  void run_garbageOutput_failsQuotingTheLine() {
    var o = sh("echo 'accuracy is high'", SPACE, Duration.ofSeconds(20), Map.of());
    var e = assertThrows(CommandFailedException.class, () -> o.run(new RecordingTrial(1)));
    assertTrue(e.getMessage().contains("but got 'accuracy is high'"), e.getMessage());
    var o2 = sh("true", SPACE, Duration.ofSeconds(20), Map.of());
    var e2 = assertThrows(CommandFailedException.class, () -> o2.run(new RecordingTrial(1)));
    assertTrue(e2.getMessage().contains("printed nothing"), e2.getMessage());
    var o3 = sh("echo nan", SPACE, Duration.ofSeconds(20), Map.of());
    assertThrows(CommandFailedException.class, () -> o3.run(new RecordingTrial(1)));
  }

  @Test
  void run_pruneRequested_stopsTheProgram() {
    var o =
        sh("echo 'intermediate 1 0.1'; sleep 30; echo 1", SPACE, Duration.ofSeconds(60), Map.of());
    assertThrows(TrialPrunedException.class, () -> o.run(new RecordingTrial(1, 1)));
  }

  @Test
  void constructor_unknownPlaceholder_throwsListingDeclared() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sh("echo 1", SPACE, Duration.ofSeconds(1), Map.of(), "--lr={lr}"));
    assertTrue(e.getMessage().contains("'lr'"), e.getMessage());
    assertTrue(e.getMessage().contains("[x]"), e.getMessage());
  }

  @Test
  void parseSpace_infersTypes_andRejectsBadEntries() {
    SearchSpace s =
        SearchSpace.parse(
            Map.of(
                "d",
                Map.of("low", 2, "high", 8),
                "lr",
                Map.of("low", 1e-4, "high", 0.1, "log", true),
                "opt",
                List.of("sgd", "adam"),
                "epochs",
                5));
    assertEquals(Optional.of(new IntDistribution(2, 8, false, 1)), s.distribution("d"));
    assertEquals(Optional.of(new FloatDistribution(1e-4, 0.1, true, null)), s.distribution("lr"));
    assertEquals(Optional.of(5L), s.fixedValue("epochs"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.parse(Map.of("d", Map.of("low", 8, "high", 2))));
    assertEquals("low <= high must hold for 'space.d', but got low=8, high=2", e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.parse(Map.of("d", Map.of("low", 1, "hi", 2))));
    assertTrue(e2.getMessage().contains("'space.d.hi'"), e2.getMessage());
  }

  @Test
  void envName_upperCasesAndReplaces() {
    assertEquals("HPO_PARAM_LEARNING_RATE", CommandObjective.envName("learning-rate"));
    assertEquals(1, FixedTrial.of(Map.of("x", 1)).suggestInt("x", 0, 2, false));
  }
}
