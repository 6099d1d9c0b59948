package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the previous hpo4j release (built here by Flyway from that release's migrations,
 * kept under {@code src/test/resources/db/legacy}) moves to Optuna's schema when opened, keeping
 * every row, with a backup of the SQLite file.
 */
class MigrationTest {
  /** The column types the old scripts took as placeholders on SQLite. */
  static final Map<String, String> SQLITE_TYPES =
      Map.of(
          "pk",
          "INTEGER PRIMARY KEY AUTOINCREMENT",
          "bigint",
          "INTEGER",
          "double",
          "REAL",
          "text",
          "TEXT");

  /** Held so that the level sticks: Flyway logs every step at INFO otherwise. */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  @TempDir Path dir;

  /**
   * Builds an old-schema database at version {@code target} and fills it as the old hpo4j would
   * have.
   */
  static void buildOld(
      String jdbcUrl, String user, String password, Map<String, String> types, String target)
      throws SQLException {
    Flyway.configure(MigrationTest.class.getClassLoader())
        .dataSource(jdbcUrl, user, password)
        .locations("classpath:db/legacy")
        .placeholders(types)
        .target(target)
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO studies (study_id, name, next_number, created_at) VALUES (7, 'old', 4, 1700000000000)");
      s.execute(
          "INSERT INTO study_directions (study_id, objective, direction) VALUES (7, 0, 'MAXIMIZE')");
      s.execute(
          "INSERT INTO trials (trial_id, study_id, number, state, datetime_start, datetime_complete) VALUES "
              + "(11, 7, 0, 'COMPLETE', 1700000001000, 1700000002500), (12, 7, 1, 'FAIL', 1700000003000, 1700000004000), "
              + "(13, 7, 2, 'RUNNING', 1700000005000, NULL), (14, 7, 3, 'WAITING', NULL, NULL)");
      s.execute(
          "INSERT INTO trial_params (trial_id, name, position, value, distribution) VALUES "
              + "(11, 'lr', 0, 0.001, '{\"type\":\"float\",\"low\":1.0E-5,\"high\":1.0,\"log\":true}'), "
              + "(11, 'act', 2, 1, '{\"type\":\"categorical\",\"choices\":[\"relu\",\"tanh\"]}'), "
              + "(11, 'layers', 1, 3, '{\"type\":\"int\",\"low\":1,\"high\":4,\"log\":false,\"step\":1}')");
      s.execute("INSERT INTO trial_values (trial_id, objective, value) VALUES (11, 0, 0.75)");
      s.execute(
          "INSERT INTO trial_intermediate_values (trial_id, step, value) VALUES (11, 0, 0.5), (11, 1, 0.7)");
      s.execute(
          "INSERT INTO trial_user_attrs (trial_id, attr_key, value_json) VALUES (11, 'seconds', '1.5')");
      s.execute(
          "INSERT INTO trial_system_attrs (trial_id, attr_key, value_json) VALUES "
              + "(12, 'fail_reason', '\"boom\"'), (14, 'fixed_params', '{\"lr\":0.01}')");
      s.execute("INSERT INTO trial_heartbeats (trial_id, beat) VALUES (13, 1700000006000)");
      if (target.equals("2")) {
        s.execute(
            "INSERT INTO study_system_attrs (study_id, attr_key, value_json) VALUES "
                + "(7, 'study_file', '\"objective: {function: branin}\"')");
      }
    }
  }

  /** Asserts that every row of {@link #buildOld} came through. */
  static void assertKept(Storage s, boolean studyAttrs) {
    long study = s.findStudy("old").orElseThrow();
    assertEquals(7, study);
    assertEquals(List.of(StudyDirection.MAXIMIZE), s.directions(study));
    List<FrozenTrial> trials = s.trials(study, null);
    assertEquals(4, trials.size());
    FrozenTrial t0 = trials.get(0);
    assertEquals(TrialState.COMPLETE, t0.state());
    assertEquals(
        List.of("lr", "layers", "act"),
        List.copyOf(t0.params().keySet()),
        "parameter order is kept");
    assertEquals(new FloatDistribution(1e-5, 1.0, true, null), t0.distributions().get("lr"));
    assertEquals(new IntDistribution(1, 4, false, 1), t0.distributions().get("layers"));
    assertEquals(
        new CategoricalDistribution(List.of("relu", "tanh")), t0.distributions().get("act"));
    assertEquals("tanh", t0.param("act"));
    assertEquals(List.of(0.75), t0.values());
    assertEquals(Map.of(0, 0.5, 1, 0.7), t0.intermediateValues());
    assertEquals(1.5, ((Number) t0.userAttrs().get("seconds")).doubleValue());
    assertEquals(1_700_000_001_000L, t0.start().toEpochMilli());
    assertEquals(1_700_000_002_500L, t0.complete().toEpochMilli());
    assertEquals("boom", trials.get(1).systemAttrs().get("fail_reason"));
    assertEquals(TrialState.RUNNING, trials.get(2).state());
    assertEquals(TrialState.WAITING, trials.get(3).state());
    assertEquals(Map.of("lr", 0.01), trials.get(3).systemAttrs().get("fixed_params"));
    if (studyAttrs) {
      assertEquals("objective: {function: branin}", s.studySystemAttrs(study).get("study_file"));
    }
    // the next trial continues the numbering
    assertEquals(4, s.createTrial(study, Map.of(), false).number());
  }

  @Test
  void open_versionTwoFile_migratesOnceKeepingEveryRowWithABackup() throws Exception {
    Path db = dir.resolve("old.db");
    buildOld("jdbc:sqlite:" + db, null, null, SQLITE_TYPES, "2");
    try (JdbcStorage s = JdbcStorage.open("sqlite:" + db)) {
      assertTrue(s.schemaNote().contains("migrated"), s.schemaNote());
      assertKept(s, true);
    }
    Path backup = dir.resolve("old.db.v2-backup");
    assertTrue(Files.exists(backup), "backup " + backup);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
      assertTrue(
          Schema.tables(c).contains("flyway_schema_history"), "the backup holds the old schema");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertEquals(Schema.State.CURRENT, Schema.inspect(c, "x"));
    }
    try (JdbcStorage s = JdbcStorage.open("sqlite:" + db)) {
      assertEquals(null, s.schemaNote(), "migrated once");
    }
  }

  @Test
  void open_versionTwoPostgresSchema_migratesKeepingEveryRow() throws Exception {
    String schema = PgTesting.createSchema();
    try {
      JdbcUrl u = JdbcUrl.parse(PgTesting.urlFor(schema));
      buildOld(
          u.jdbcUrl(),
          u.user(),
          u.password(),
          Map.of(
              "pk",
              "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
              "bigint",
              "BIGINT",
              "double",
              "DOUBLE PRECISION",
              "text",
              "TEXT"),
          "2");
      try (JdbcStorage s = JdbcStorage.open(PgTesting.urlFor(schema))) {
        assertTrue(s.schemaNote().contains("migrated"), s.schemaNote());
        assertKept(s, true);
        assertEquals(
            1,
            s.createStudy("new", List.of(StudyDirection.MINIMIZE)) - 7,
            "ids continue after the old ones");
      }
    } finally {
      PgTesting.dropSchema(schema);
    }
  }

  @Test
  void open_versionOneFile_migrates() throws Exception {
    Path db = dir.resolve("v1.db");
    buildOld("jdbc:sqlite:" + db, null, null, SQLITE_TYPES, "1");
    try (JdbcStorage s = JdbcStorage.open("sqlite:" + db)) {
      assertKept(s, false);
    }
  }
}
