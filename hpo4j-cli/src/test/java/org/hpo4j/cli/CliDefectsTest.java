package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI defects of issue 16, one test each; every one of them failed before its fix. */
class CliDefectsTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readOnlyCommands_missingSqliteFile_refuseAndCreateNothing() {
    Path db = dir.resolve("none.db");
    for (List<String> args :
        List.of(
            List.of("studies", "list"),
            List.of("studies", "show", "x"),
            List.of("report", "--study", "x"))) {
      List<String> a = new java.util.ArrayList<>(args);
      a.addAll(List.of("--storage", "sqlite:" + db));
      CliRun r = CliRun.of(a);
      assertEquals(2, r.code(), a + ": " + r.err());
      assertTrue(r.err().contains("there is no SQLite file"), r.err());
      assertFalse(Files.exists(db), a + " created " + db);
    }
  }

  @Test
  void run_missingProgram_isRefusedBeforeTheFirstTrial() throws Exception {
    Path space = file("space.yaml", "x: {low: 0.0, high: 1.0}\n");
    Path db = dir.resolve("p.db");
    CliRun r =
        CliRun.of(
            "run",
            "--space",
            space.toString(),
            "--trials",
            "40",
            "--storage",
            "sqlite:" + db,
            "--",
            "nosuchprog-hpo4j",
            "{x}");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("'nosuchprog-hpo4j' was not found on the PATH"), r.err());
    assertFalse(r.err().contains("trial 0"), r.err());
  }

  @Test
  void run_repeatedIdenticalFailures_stopsAndExitsNonZero() throws Exception {
    Path space = file("space.yaml", "x: {low: 0.0, high: 1.0}\n");
    Path db = dir.resolve("f.db");
    CliRun r =
        CliRun.of(
            "run",
            "--space",
            space.toString(),
            "--trials",
            "40",
            "--storage",
            "sqlite:" + db,
            "--",
            "false",
            "{x}");
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "stopping: the first " + FailureGuard.LIMIT + " trials all failed the same way"),
        r.err());
    assertTrue(r.err().contains("has no COMPLETE trial"), r.err());
    CliRun show = CliRun.of("studies", "show", "space", "--storage", "sqlite:" + db);
    assertTrue(show.out().contains("FAIL=" + FailureGuard.LIMIT), show.out() + show.err());
  }

  @Test
  void run_storedStudyWithAnotherObjective_isRefusedUnlessAllowed() throws Exception {
    String url = "sqlite:" + dir.resolve("s.db");
    Path f = file("s.yaml", "name: s\ntrials: 3\nseed: 0\nobjective: {function: branin}\n");
    assertEquals(0, CliRun.of("run", f.toString(), "--storage", url).code());
    Files.writeString(f, "name: s\ntrials: 6\nseed: 0\nobjective: {function: hartmann3}\n");
    CliRun refused = CliRun.of("run", f.toString(), "--storage", url);
    assertEquals(2, refused.code(), refused.err());
    assertTrue(
        refused.err().contains("'objective'") && refused.err().contains("--allow-changed"),
        refused.err());
    assertFalse(refused.err().contains("'trials'"), "the budget may change: " + refused.err());
    CliRun allowed = CliRun.of("run", f.toString(), "--storage", url, "--allow-changed");
    assertEquals(0, allowed.code(), allowed.err());
  }

  @Test
  void run_sameFileMoreTrials_resumesAndTheBarCountsTheWholeStudy() throws Exception {
    String url = "sqlite:" + dir.resolve("r.db");
    Path f = file("r.yaml", "name: r\ntrials: 4\nseed: 0\nobjective: {function: branin}\n");
    assertEquals(0, CliRun.of("run", f.toString(), "--storage", url).code());
    CliRun again = CliRun.of("run", f.toString(), "--storage", url, "--trials", "7");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("7/7 trials"), again.err());
  }

  @Test
  void progressBar_onATerminal_logLinesGoAboveTheBarNeverIntoIt() {
    StringWriter w = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(w), 10, 0, true, null);
    org.hpo4j.study.Study study = org.hpo4j.study.Study.builder().seed(0).build();
    study.addCallback(bar);
    study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
    ProgressBar.printAbove(new PrintWriter(new StringWriter()), "WARNING Study: trial 3 failed");
    bar.finish();
    String text = w.toString();
    int log = text.indexOf("WARNING Study");
    assertTrue(log > 0, text);
    assertEquals(
        "\r\033[K", text.substring(log - 4, log), "the bar's line is cleared first: " + text);
    assertTrue(
        text.substring(log).startsWith("WARNING Study: trial 3 failed\n["),
        "the bar is redrawn below: " + text);
  }

  @Test
  void launcher_calledThroughASymlink_findsTheRepository() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path link = dir.resolve("bin").resolve("hpo");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, repo.resolve("hpo"));
    ProcessBuilder pb = new ProcessBuilder("bash", link.toString()).redirectErrorStream(true);
    pb.environment().put("HPO_LAUNCHER_WHERE", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertEquals(0, p.waitFor(), out);
    assertEquals(repo.resolve("hpo4j-cli/target/hpo4j-cli.jar").toString(), out);
  }
}
