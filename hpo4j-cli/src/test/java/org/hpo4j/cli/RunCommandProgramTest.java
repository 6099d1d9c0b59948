package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpo run --space FILE -- CMD ARGS} and the study-file form {@code objective: {command:
 * ...}}: each trial starts {@link FakeTrainer} in a new JVM.
 */
class RunCommandProgramTest {
  @TempDir Path dir;

  private static CliRun hpo(List<String> args) {
    return CliRun.of(args);
  }

  /** The java launcher and class path that start {@link FakeTrainer}. */
  private static List<String> trainer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes =
        Path.of(FakeTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    return List.of(
        java,
        "-Xshare:auto",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        classes,
        FakeTrainer.class.getName());
  }

  private static List<String> args(List<String> head, List<String> command) {
    List<String> a = new ArrayList<>(head);
    a.add("--");
    a.addAll(command);
    return a;
  }

  private Path space(String yaml) throws Exception {
    Path f = dir.resolve("space.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static double bestValue(String out) {
    Matcher m = Pattern.compile("value[ =:]+([-0-9.eE]+)").matcher(out);
    assertTrue(m.find(), out);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void runCommand_trials_completeAndFindASensibleBest() throws Exception {
    Path space = space("x: {low: 0.0, high: 1.0}\ny: [1, 2, 3]\n");
    List<String> cmd = new ArrayList<>(trainer());
    cmd.addAll(List.of("--x", "{x}", "--y", "{y}"));
    CliRun r =
        hpo(
            args(
                List.of(
                    "run",
                    "--space",
                    space.toString(),
                    "--trials",
                    "6",
                    "--storage",
                    "memory",
                    "--timeout",
                    "2m",
                    "--sampler",
                    "random"),
                cmd));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("trials: 6 complete, 0 pruned, 0 failed"), r.out());
    // 6 random draws of x in [0, 1] and y in {1, 2, 3}: the best has y = 2 unless very unlucky
    // (seed 0)
    assertTrue(bestValue(r.out()) < 0.5, r.out());
  }

  @Test
  void runCommand_crashingRuns_failTheirTrialsAndTheStudyGoesOn() throws Exception {
    Path space = space("x: {low: 0.0, high: 1.0}\n");
    List<String> cmd = new ArrayList<>(trainer());
    cmd.addAll(List.of("--x", "{x}", "--crash-above", "0.5"));
    CliRun r =
        hpo(
            args(
                List.of(
                    "run",
                    "--space",
                    space.toString(),
                    "--trials",
                    "6",
                    "--storage",
                    "memory",
                    "--sampler",
                    "random",
                    "--seed",
                    "3"),
                cmd));
    assertEquals(0, r.code(), r.err());
    Matcher m =
        Pattern.compile("trials: (\\d+) complete, 0 pruned, (\\d+) failed").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(6, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), r.out());
    assertTrue(Integer.parseInt(m.group(2)) > 0, "seed 3 draws some x > 0.5: " + r.out());
  }

  @Test
  void runCommand_shellMetacharacters_stayOneLiteralArgument() throws Exception {
    Path victim = Files.createFile(dir.resolve("x"));
    Path seen = dir.resolve("args.txt");
    Path space = space("evil: [\"; rm -rf x\"]\nname: [\"hello world\"]\n");
    List<String> cmd = new ArrayList<>(trainer());
    cmd.addAll(List.of("--args-to", seen.toString(), "{evil}", "--name={name}"));
    CliRun r =
        hpo(
            args(
                List.of("run", "--space", space.toString(), "--trials", "1", "--storage", "memory"),
                cmd));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("; rm -rf x", "--name=hello world"), Files.readAllLines(seen));
    assertTrue(Files.exists(victim));
  }

  @Test
  void runCommand_badSpaceFile_namesTheKeyBeforeAnythingRuns() throws Exception {
    Path seen = dir.resolve("ran.txt");
    Path space = space("x: {low: 0.0, hihg: 1.0}\n");
    List<String> cmd = new ArrayList<>(trainer());
    cmd.addAll(List.of("--args-to", seen.toString(), "{x}"));
    CliRun r = hpo(args(List.of("run", "--space", space.toString(), "--storage", "memory"), cmd));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("space.x") && r.err().contains("hihg"), r.err());
    assertTrue(!Files.exists(seen), "nothing ran");
  }

  @Test
  void runCommand_placeholderNotInSpace_namesIt() throws Exception {
    Path space = space("x: {low: 0.0, high: 1.0}\n");
    CliRun r =
        hpo(
            args(
                List.of("run", "--space", space.toString(), "--storage", "memory"),
                List.of("prog", "--lr", "{lr}")));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("'lr'") && r.err().contains("[x]"), r.err());
  }

  @Test
  void runCommand_withoutSpace_saysSpaceIsRequired() {
    CliRun r = hpo(List.of("run", "--storage", "memory", "--", "prog", "{x}"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--space FILE is required with a command"), r.err());
  }

  @Test
  void run_neitherFileNorCommand_saysWhatToGive() {
    CliRun r = hpo(List.of("run", "--storage", "memory", "--"));
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("no command after --") && r.err().contains("hpo run STUDY.yaml"), r.err());
    CliRun both = hpo(List.of("run", "../examples/branin-quick.yaml", "--", "prog"));
    assertEquals(2, both.code(), both.err());
    assertTrue(both.err().contains("not both"), both.err());
  }

  @Test
  void runStudyFile_commandObjective_unknownKey_namesKeyAndAllowed() throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f, "objective: {command: [prog, \"{x}\"], timout: 60s}\nspace: {x: {low: 0, high: 1}}\n");
    CliRun r = hpo(List.of("run", f.toString(), "--storage", "memory"));
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("unknown key 'objective.timout'") && r.err().contains("command, timeout"),
        r.err());
    Files.writeString(
        f, "objective: {command: prog, timeout: soon}\nspace: {x: {low: 0, high: 1}}\n");
    r = hpo(List.of("run", f.toString(), "--storage", "memory"));
    assertTrue(r.err().contains("'objective.command' must be a non-empty list"), r.err());
    Files.writeString(
        f, "objective: {command: [prog], timeout: soon}\nspace: {x: {low: 0, high: 1}}\n");
    r = hpo(List.of("run", f.toString(), "--storage", "memory"));
    assertTrue(r.err().contains("objective.timeout' must be a positive duration"), r.err());
  }

  @Test
  void runStudyFile_commandObjective_runsTheProgram() throws Exception {
    StringBuilder cmd = new StringBuilder();
    for (String a : trainer()) {
      cmd.append(cmd.length() == 0 ? "" : ", ")
          .append('"')
          .append(a.replace("\\", "/"))
          .append('"');
    }
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        "direction: maximize\ntrials: 2\nobjective: {command: ["
            + cmd
            + ", --x, \"{x}\"], timeout: 2m}\nspace: {x: {low: 0.0, high: 1.0}}\n");
    CliRun r = hpo(List.of("run", f.toString(), "--storage", "memory"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("trials: 2 complete, 0 pruned, 0 failed"), r.out());
    assertTrue(r.err().contains("[maximize]") || r.err().contains("MAXIMIZE"), r.err());
  }

  @Test
  void worker_commandRunStoredInStorage_rebuildsTheCommand() throws Exception {
    Path space = space("x: {low: 0.0, high: 1.0}\n");
    String url = "sqlite:" + dir.resolve("hpo.db");
    List<String> cmd = new ArrayList<>(trainer());
    cmd.addAll(List.of("--x", "{x}"));
    CliRun run =
        hpo(
            args(
                List.of(
                    "run",
                    "--space",
                    space.toString(),
                    "--trials",
                    "2",
                    "--storage",
                    url,
                    "--study",
                    "fake",
                    "--direction",
                    "minimize",
                    "--timeout",
                    "120s"),
                cmd));
    assertEquals(0, run.code(), run.err());
    CliRun worker =
        hpo(List.of("worker", "--storage", url, "--study", "fake", "--trials", "2", "--seed", "1"));
    assertEquals(0, worker.code(), worker.err());
    CliRun show = hpo(List.of("studies", "show", "fake", "--storage", url));
    assertTrue(show.out().contains("COMPLETE=4"), show.out());
  }
}
