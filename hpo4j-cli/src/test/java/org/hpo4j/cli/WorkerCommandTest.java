package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpo worker} joining a study by name, rebuilt from the study file {@code hpo run} stored
 * with it.
 */
class WorkerCommandTest {
  private static final String EXAMPLE = "../examples/branin-quick.yaml";

  @TempDir Path dir;

  private static CliRun hpo(String... args) {
    return CliRun.of(args);
  }

  private String url() {
    return "sqlite:" + dir.resolve("hpo.db");
  }

  @Test
  void worker_noFile_rebuildsTheStudyThatRunStored() {
    CliRun run = hpo("run", EXAMPLE, "--storage", url(), "--trials", "5");
    assertEquals(0, run.code(), run.err());
    CliRun worker =
        hpo(
            "worker",
            "--storage",
            url(),
            "--study",
            "branin-quick",
            "--trials",
            "3",
            "--seed",
            "1");
    assertEquals(0, worker.code(), worker.err());
    assertTrue(
        worker.err().contains("joined study 'branin-quick'")
            && worker.err().contains("stored study file"),
        worker.err());
    assertTrue(worker.out().contains("best"), worker.out());
    CliRun show = hpo("studies", "show", "branin-quick", "--storage", url());
    assertTrue(show.out().contains("COMPLETE=8"), show.out());
  }

  @Test
  void worker_noFile_keepsTheFileFormWorking() {
    assertEquals(
        0, hpo("worker", EXAMPLE, "--storage", url(), "--trials", "2", "--seed", "3").code());
    CliRun byName =
        hpo(
            "worker",
            "--storage",
            url(),
            "--study",
            "branin-quick",
            "--trials",
            "2",
            "--seed",
            "4");
    assertEquals(
        0, byName.code(), "a worker with the file stores it when none is: " + byName.err());
    assertTrue(
        hpo("studies", "show", "branin-quick", "--storage", url()).out().contains("COMPLETE=4"));
  }

  @Test
  void worker_noFile_unknownStudy_namesItAndListsTheStudiesThere() {
    assertEquals(0, hpo("run", EXAMPLE, "--storage", url(), "--trials", "2").code());
    CliRun r = hpo("worker", "--storage", url(), "--study", "brainin", "--trials", "1");
    assertEquals(2, r.code());
    assertEquals(
        "error: --study: there is no study named 'brainin' in storage "
            + url()
            + "; studies there: 'branin-quick'",
        r.err().strip());
  }

  @Test
  void worker_noFile_emptyStorage_saysHowToStartOne() {
    CliRun r = hpo("worker", "--storage", url(), "--study", "s", "--trials", "1");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("there is no study named 's'")
            && r.err().contains("it has no studies yet"),
        r.err());
  }

  @Test
  void worker_noFile_studyWithoutStoredFile_asksForTheFile() {
    try (Storage s = Storages.open(url())) {
      s.createStudy("from-api", List.of(StudyDirection.MINIMIZE));
    }
    CliRun r = hpo("worker", "--storage", url(), "--study", "from-api", "--trials", "1");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("study 'from-api' in storage " + url() + " has no stored study file")
            && r.err().contains("hpo worker STUDY.yaml"),
        r.err());
  }

  @Test
  void worker_noFileNoStudy_saysStudyIsRequired() {
    CliRun r = hpo("worker", "--storage", url(), "--trials", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--study NAME is required when no study file is given"), r.err());
  }
}
