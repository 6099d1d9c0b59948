package org.hpo4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpo4j.study.Study;
import org.hpo4j.testing.BenchmarkFunctions;
import org.hpo4j.trial.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

  @Test
  void run_random_traceIsNonIncreasingNonNegativeAndReproducible() {
    BenchResult a = SuiteRunner.run("random", BenchmarkFunctions.byName("branin"), 3, 50);
    BenchResult b = SuiteRunner.run("random", BenchmarkFunctions.byName("branin"), 3, 50);
    assertEquals(50, a.regretTrace().size());
    assertEquals(a.regretTrace(), b.regretTrace());
    for (int i = 1; i < 50; i++) {
      assertTrue(a.regretTrace().get(i) <= a.regretTrace().get(i - 1));
      assertTrue(a.regretTrace().get(i) >= 0);
    }
  }

  @Test
  void regretTrace_failedTrialRepeatsPreviousEntry() {
    Study study = Study.builder().build();
    double[] values = {5, Double.NaN, 3, 4};
    for (double v : values) {
      Trial t = study.ask();
      study.tell(t, v);
    }
    List<Double> trace = SuiteRunner.regretTrace(study.trials(), 1.0, 4);
    assertEquals(List.of(4.0, 4.0, 2.0, 2.0), trace);
  }

  @Test
  void regretTrace_beforeFirstCompleteTrial_isNull() {
    Study study = Study.builder().build();
    Trial t = study.ask();
    study.tell(t, Double.NaN);
    assertNull(SuiteRunner.regretTrace(study.trials(), 0, 1).get(0));
  }

  @Test
  void run_grid_onConditionalSpace_staysWithinBudget() {
    BenchResult r = SuiteRunner.run("grid", BenchmarkFunctions.byName("mixed_conditional"), 0, 100);
    assertEquals(100, r.regretTrace().size());
    assertTrue(r.finalValue() >= 0);
  }

  @Test
  void run_unknownSampler_listsKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SuiteRunner.run("bogus", BenchmarkFunctions.byName("branin"), 0, 5));
    assertTrue(e.getMessage().contains("random"), e.getMessage());
  }

  @Test
  void jsonLine_hasTheSpecFieldsInOrder() throws Exception {
    BenchResult r = SuiteRunner.run("random", BenchmarkFunctions.byName("hartmann3"), 0, 3);
    String line = new ObjectMapper().writeValueAsString(r);
    assertTrue(
        line.matches(
            "\\{\"peer\":\"hpo4j-[^\"]+\",\"sampler\":\"random\",\"function\":\"hartmann3\",\"seed\":0,"
                + "\"trials\":3,\"regret_trace\":\\[[^\\]]+\\],\"wall_s\":[0-9.Ee-]+\\}"),
        line);
  }

  @Test
  void summary_mediansOverSeeds(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("r.jsonl");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"peer\":\"p\",\"sampler\":\"s\",\"function\":\"branin\",\"seed\":0,\"trials\":1,\"regret_trace\":[3.0],\"wall_s\":1.0}",
            "{\"peer\":\"p\",\"sampler\":\"s\",\"function\":\"branin\",\"seed\":1,\"trials\":1,\"regret_trace\":[1.0],\"wall_s\":2.0}",
            "{\"peer\":\"p\",\"sampler\":\"s\",\"function\":\"branin\",\"seed\":2,\"trials\":1,\"regret_trace\":[2.0],\"wall_s\":4.0}"));
    List<Summary.Row> rows = Summary.of(List.of(f));
    assertEquals(1, rows.size());
    assertEquals(2.0, rows.get(0).medianFinal());
    assertEquals(2.0, rows.get(0).medianWall());
    assertEquals(3, rows.get(0).seeds());
  }

  @Test
  void summary_badLine_namesFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "not json\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of(f)));
    assertTrue(e.getMessage().contains("bad.jsonl:1"), e.getMessage());
  }

  @Test
  void seeds_parseRangesAndRejectGarbage() {
    assertEquals(List.of(0L, 1L, 2L, 5L), SeedRange.parse("0-2,5"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SeedRange.parse("a-b"))
            .getMessage()
            .contains("--seeds"));
  }
}
