package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpo4j.bench.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void run_exampleFile_printsTheBestTrial() {
    CliRun r = run("run", "../examples/branin-quick.yaml", "--storage", "memory", "--trials", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("best trial"), r.out());
    assertTrue(r.out().contains("x0="), r.out());
  }

  @Test
  void run_unknownField_namesFieldAndAllowed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "trails: 10\nobjective: {function: branin}\n");
    CliRun r = run("run", f.toString(), "--storage", "memory");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown key 'trails'") && r.err().contains("trials"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void run_badTrials_namesTheField(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "trials: -3\nobjective: {function: branin}\n");
    CliRun r = run("run", f.toString(), "--storage", "memory");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'trials' must be an integer in [1, "), r.err());
  }

  @Test
  void run_unknownFunctionOrSampler_listsKnownOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "objective: {function: sphere}\n");
    CliRun r = run("run", f.toString(), "--storage", "memory");
    assertTrue(r.err().contains("known functions: branin"), r.err());
    Files.writeString(f, "sampler: nope\nobjective: {function: branin}\n");
    r = run("run", f.toString(), "--storage", "memory");
    assertTrue(r.err().contains("unknown sampler 'nope'") && r.err().contains("random"), r.err());
  }

  @Test
  void run_badStorageUrl_listsAllowedForms() {
    CliRun r = run("run", "../examples/branin-quick.yaml", "--storage", "ftp://x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--storage") && r.err().contains("memory"), r.err());
  }

  @Test
  void run_missingFile_saysSo() {
    CliRun r = run("run", "no-such.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'no-such.yaml' does not exist"), r.err());
  }

  @Test
  void bench_writesSpecLinesAndSummaryReadsThem(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.jsonl");
    CliRun r =
        run(
            "bench",
            "--sampler",
            "random,qmc",
            "--function",
            "branin,hartmann3",
            "--seeds",
            "0-2",
            "--trials",
            "10",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(12, lines.size());
    assertTrue(lines.get(0).startsWith("{\"peer\":\"hpo4j-"), lines.get(0));
    assertEquals(4, Summary.of(List.of(out)).size());
    CliRun s = run("bench", "--summary", out.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("hartmann3") && s.out().contains("qmc"), s.out());
  }

  @Test
  void bench_summaryWithSamplerAndNoFiles_runsThenSummarises(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.jsonl");
    CliRun r =
        run(
            "bench",
            "--sampler",
            "random",
            "--function",
            "branin",
            "--seeds",
            "0-1",
            "--trials",
            "5",
            "--out",
            out.toString(),
            "--summary");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, Files.readAllLines(out).size());
    assertTrue(r.err().contains("branin") && r.err().contains("random"), r.err());
  }

  @Test
  void bench_summaryWithoutFilesOrSampler_saysWhatIsNeeded() {
    CliRun r = run("bench", "--summary");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--summary needs at least one FILE.jsonl, or --sampler"), r.err());
  }

  @Test
  void bench_unknownSampler_listsKnownOnes() {
    CliRun r = run("bench", "--sampler", "bogus", "--function", "branin", "--trials", "5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown sampler 'bogus'") && r.err().contains("qmc"), r.err());
  }

  @Test
  void run_sqliteStorage_resumesAndStudiesCommandsSeeIt(@TempDir Path dir) throws Exception {
    String url = "sqlite:" + dir.resolve("t.db");
    assertEquals(
        0, run("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "8").code());
    CliRun again = run("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "12");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("resuming with 8 finished trials"), again.err());
    CliRun list = run("studies", "list", "--storage", url);
    assertTrue(list.out().contains("branin-quick") && list.out().contains("12"), list.out());
    Path csv = dir.resolve("t.csv");
    assertEquals(
        0, run("studies", "export", "branin-quick", "--storage", url, "-o", csv.toString()).code());
    assertEquals(13, Files.readAllLines(csv).size());
    CliRun worker =
        run(
            "worker",
            "../examples/branin-quick.yaml",
            "--storage",
            url,
            "--trials",
            "3",
            "--seed",
            "1");
    assertEquals(0, worker.code(), worker.err());
    assertTrue(
        run("studies", "show", "branin-quick", "--storage", url).out().contains("COMPLETE=15"));
    assertEquals(0, run("studies", "delete", "branin-quick", "--storage", url).code());
    assertTrue(
        run("studies", "show", "branin-quick", "--storage", url).err().contains("no study named"));
  }

  @Test
  void bench_multiObjectiveFunction_writesAHypervolumeTrace(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("m.jsonl");
    CliRun r =
        run(
            "bench",
            "--sampler",
            "random",
            "--function",
            "zdt1",
            "--seeds",
            "0",
            "--trials",
            "15",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    String line = Files.readAllLines(out).get(0);
    assertTrue(line.contains("\"hypervolume_trace\":[") && !line.contains("regret_trace"), line);
  }

  @Test
  void report_writesOneSelfContainedHtmlFile(@TempDir Path dir) throws Exception {
    String url = "sqlite:" + dir.resolve("r.db");
    assertEquals(
        0, run("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "12").code());
    Path html = dir.resolve("r.html");
    CliRun r = run("report", "--storage", url, "--study", "branin-quick", "-o", html.toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    assertTrue(
        page.contains("branin-quick") && page.contains("echarts"),
        "report lacks its data or library");
    assertTrue(
        !page.matches("(?s).*<script[^>]+src=\"https?:.*"),
        "report loads a script from the network");
    CliRun missing = run("report", "--storage", url, "--study", "nope", "-o", html.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no study named 'nope'"), missing.err());
  }
}
