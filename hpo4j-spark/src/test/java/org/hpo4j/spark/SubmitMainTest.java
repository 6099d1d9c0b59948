package org.hpo4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitMainTest {
  @TempDir Path dir;

  @Test
  void run_xgboostStudyFile_runsItsTrialsAsTasksAndResumes() throws Exception {
    LocalSpark.get();
    Path file = dir.resolve("iris.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "name: iris-spark",
            "trials: 3",
            "seed: 0",
            "sampler: random",
            "objective:",
            "  model: xgboost",
            "  dataset: " + TestData.path("iris.csv"),
            "  folds: 2",
            "  nthread: 1",
            "  space: {n_estimators: {low: 5, high: 15}}",
            ""));
    String url = "sqlite:" + dir.resolve("s.db");
    FrozenTrial best =
        SubmitMain.run(new String[] {file.toString(), "--storage", url, "--parallelism", "2"});
    assertTrue(best.value() > 0.8, best.toString());
    SubmitMain.run(new String[] {file.toString(), "--storage", url, "--trials", "4"});
    try (Storage s = Storages.open(url)) {
      long id = s.findStudy("iris-spark").orElseThrow();
      assertEquals(4, s.trials(id, EnumSet.of(TrialState.COMPLETE)).size());
      assertEquals(4, s.trials(id, null).size());
    }
  }

  @Test
  void run_unknownOption_namesItAndTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SubmitMain.run(new String[] {"x.yaml", "--threads", "2"}));
    assertTrue(
        e.getMessage().contains("'--threads'") && e.getMessage().contains("--parallelism"),
        e.getMessage());
  }

  @Test
  void run_commandObjective_saysSparkRunsModelObjectives() throws Exception {
    Path file = dir.resolve("f.yaml");
    Files.writeString(file, "objective: {function: branin}\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SubmitMain.run(new String[] {file.toString(), "--storage", "memory"}));
    assertTrue(e.getMessage().contains("model objective"), e.getMessage());
  }
}
