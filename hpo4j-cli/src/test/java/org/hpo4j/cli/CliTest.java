package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpo4j.bench.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cl = Hpo.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void run_exampleFile_printsTheBestTrial() {
    Result r = run("run", "../examples/branin-quick.yaml", "--storage", "memory", "--trials", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("best trial"), r.out());
    assertTrue(r.out().contains("x0="), r.out());
  }

  @Test
  void run_unknownField_namesFieldAndAllowed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "trails: 10\nobjective: {function: branin}\n");
    Result r = run("run", f.toString(), "--storage", "memory");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown field 'trails'") && r.err().contains("trials"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void run_badTrials_namesTheField(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "trials: -3\nobjective: {function: branin}\n");
    Result r = run("run", f.toString(), "--storage", "memory");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'trials' must be an integer in [1, "), r.err());
  }

  @Test
  void run_unknownFunctionOrSampler_listsKnownOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "objective: {function: sphere}\n");
    Result r = run("run", f.toString(), "--storage", "memory");
    assertTrue(r.err().contains("known functions: branin"), r.err());
    Files.writeString(f, "sampler: nope\nobjective: {function: branin}\n");
    r = run("run", f.toString(), "--storage", "memory");
    assertTrue(r.err().contains("unknown sampler 'nope'") && r.err().contains("random"), r.err());
  }

  @Test
  void run_badStorageUrl_listsAllowedForms() {
    Result r = run("run", "../examples/branin-quick.yaml", "--storage", "ftp://x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--storage") && r.err().contains("memory"), r.err());
  }

  @Test
  void run_missingFile_saysSo() {
    Result r = run("run", "no-such.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'no-such.yaml' does not exist"), r.err());
  }

  @Test
  void bench_writesSpecLinesAndSummaryReadsThem(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.jsonl");
    Result r = run("bench", "--sampler", "random,qmc", "--function", "branin,hartmann3", "--seeds", "0-2",
        "--trials", "10", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(12, lines.size());
    assertTrue(lines.get(0).startsWith("{\"peer\":\"hpo4j-"), lines.get(0));
    assertEquals(4, Summary.of(List.of(out)).size());
    Result s = run("bench", "--summary", out.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("hartmann3") && s.out().contains("qmc"), s.out());
  }

  @Test
  void bench_unknownSampler_listsKnownOnes() {
    Result r = run("bench", "--sampler", "bogus", "--function", "branin", "--trials", "5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown sampler 'bogus'") && r.err().contains("qmc"), r.err());
  }
}
