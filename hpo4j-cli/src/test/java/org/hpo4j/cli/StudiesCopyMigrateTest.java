package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpo studies copy} between storage kinds and {@code hpo studies migrate}. */
class StudiesCopyMigrateTest {
  @TempDir Path dir;

  @Test
  void copy_sqliteToJournalAndBack_keepsEveryTrial() {
    String db = "sqlite:" + dir.resolve("a.db");
    String log = "journal:" + dir.resolve("b.log");
    assertEquals(0, CliRun.of("run", "../examples/branin-quick.yaml", "--storage", db, "--trials", "12").code());
    CliRun copy = CliRun.of("studies", "copy", "--from", db, "--to", log);
    assertEquals(0, copy.code(), copy.err());
    assertTrue(copy.out().contains("copied study 'branin-quick' (12 trials)"), copy.out());
    CliRun back = CliRun.of("studies", "copy", "branin-quick", "--from", log, "--to", db, "--as", "round-trip");
    assertEquals(0, back.code(), back.err());
    try (Storage s = Storages.open(db)) {
      List<FrozenTrial> a = s.trials(s.findStudy("branin-quick").orElseThrow(), null);
      List<FrozenTrial> b = s.trials(s.findStudy("round-trip").orElseThrow(), null);
      assertEquals(12, b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).number(), b.get(i).number());
        assertEquals(a.get(i).state(), b.get(i).state());
        assertEquals(a.get(i).params(), b.get(i).params());
        assertEquals(a.get(i).distributions(), b.get(i).distributions());
        assertEquals(a.get(i).values(), b.get(i).values());
      }
      assertEquals(s.studySystemAttrs(s.findStudy("branin-quick").orElseThrow()),
          s.studySystemAttrs(s.findStudy("round-trip").orElseThrow()), "the stored study file comes along");
    }
  }

  @Test
  void copy_sourceWithSeveralStudiesAndNoName_asksForOne() {
    String db = "sqlite:" + dir.resolve("a.db");
    assertEquals(0, CliRun.of("run", "../examples/branin-quick.yaml", "--storage", db, "--trials", "1").code());
    assertEquals(0, CliRun.of("run", "../examples/branin-quick.yaml", "--storage", db, "--trials", "1",
        "--study", "other").code());
    CliRun r = CliRun.of("studies", "copy", "--from", db, "--to", "journal:" + dir.resolve("c.log"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("NAME: the source has 2 studies ([branin-quick, other]); name the one to copy"), r.err());
  }

  @Test
  void migrate_currentDatabase_saysNothingToDo() {
    String db = "sqlite:" + dir.resolve("m.db");
    CliRun first = CliRun.of("studies", "migrate", "--storage", db);
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("created Optuna's schema (revision v3.2.0.a)"), first.out());
    CliRun again = CliRun.of("studies", "migrate", "--storage", db);
    assertTrue(again.out().contains("nothing to do"), again.out());
  }
}
