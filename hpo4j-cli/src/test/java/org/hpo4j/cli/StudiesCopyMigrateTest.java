package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
    assertEquals(
        0,
        CliRun.of("run", "../examples/branin-quick.yaml", "--storage", db, "--trials", "12")
            .code());
    CliRun copy = CliRun.of("studies", "copy", "--from", db, "--to", log);
    assertEquals(0, copy.code(), copy.err());
    assertTrue(copy.out().contains("copied study 'branin-quick' (12 trials)"), copy.out());
    CliRun back =
        CliRun.of(
            "studies", "copy", "branin-quick", "--from", log, "--to", db, "--as", "round-trip");
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
      assertEquals(
          s.studySystemAttrs(s.findStudy("branin-quick").orElseThrow()),
          s.studySystemAttrs(s.findStudy("round-trip").orElseThrow()),
          "the stored study file comes along");
    }
  }

  @Test
  void copy_sourceWithSeveralStudiesAndNoName_asksForOne() {
    String db = "sqlite:" + dir.resolve("a.db");
    assertEquals(
        0,
        CliRun.of("run", "../examples/branin-quick.yaml", "--storage", db, "--trials", "1").code());
    assertEquals(
        0,
        CliRun.of(
                "run",
                "../examples/branin-quick.yaml",
                "--storage",
                db,
                "--trials",
                "1",
                "--study",
                "other")
            .code());
    CliRun r =
        CliRun.of("studies", "copy", "--from", db, "--to", "journal:" + dir.resolve("c.log"));
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains(
                "NAME: the source has 2 studies ([branin-quick, other]); name the one to copy"),
        r.err());
  }

  /**
   * A database of the previous hpo4j release: its two migration scripts (kept in hpo4j-jdbc's
   * tests).
   */
  private Path oldDatabase() throws Exception {
    Path db = dir.resolve("old.db");
    Map<String, String> types =
        Map.of(
            "${pk}",
            "INTEGER PRIMARY KEY AUTOINCREMENT",
            "${bigint}",
            "INTEGER",
            "${double}",
            "REAL",
            "${text}",
            "TEXT");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String f : List.of("V1__init.sql", "V2__study_system_attrs.sql")) {
        String sql = Files.readString(Path.of("../hpo4j-jdbc/src/test/resources/db/legacy", f));
        for (Map.Entry<String, String> e : types.entrySet()) {
          sql = sql.replace(e.getKey(), e.getValue());
        }
        for (String stmt : sql.split(";")) {
          if (!stmt.replaceAll("(?m)^--.*$", "").isBlank()) {
            s.execute(stmt);
          }
        }
      }
      s.execute("CREATE TABLE flyway_schema_history (version TEXT, success INTEGER)");
      s.execute("INSERT INTO flyway_schema_history VALUES ('1', 1), ('2', 1)");
      s.execute(
          "INSERT INTO studies (study_id, name, next_number, created_at) VALUES (1, 'old', 1, 0)");
      s.execute(
          "INSERT INTO study_directions (study_id, objective, direction) VALUES (1, 0, 'MINIMIZE')");
      s.execute(
          "INSERT INTO trials (trial_id, study_id, number, state, datetime_start, datetime_complete) "
              + "VALUES (1, 1, 0, 'COMPLETE', 0, 1000)");
      s.execute("INSERT INTO trial_values (trial_id, objective, value) VALUES (1, 0, 2.5)");
    }
    return db;
  }

  @Test
  void readingCommand_oldDatabase_isRefusedUnchanged_migrateMigratesItWithABackup()
      throws Exception {
    Path db = oldDatabase();
    byte[] before = Files.readAllBytes(db);
    CliRun list = CliRun.of("studies", "list", "--storage", "sqlite:" + db);
    assertTrue(list.code() != 0, "refused: " + list.out());
    assertTrue(
        list.err()
            .contains("it has hpo4j's earlier schema; migrate it once with `hpo studies migrate"),
        list.err());
    assertTrue(
        java.util.Arrays.equals(before, Files.readAllBytes(db)),
        "a reading command leaves it unchanged");
    CliRun migrate = CliRun.of("studies", "migrate", "--storage", "sqlite:" + db);
    assertEquals(0, migrate.code(), migrate.err());
    assertTrue(
        migrate
            .out()
            .contains(
                "migrated hpo4j's earlier schema to Optuna's (revision v3.2.0.a); "
                    + "the old file is kept as "
                    + db.toAbsolutePath()
                    + ".v2-backup"),
        migrate.out());
    assertTrue(Files.exists(dir.resolve("old.db.v2-backup")));
    CliRun show = CliRun.of("studies", "show", "old", "--storage", "sqlite:" + db);
    assertTrue(show.out().contains("COMPLETE=1"), show.out());
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
