package org.hpo4j.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves a database of hpo4j's earlier schema (Flyway V1/V2: epoch-millisecond times, its own
 * distribution JSON, attribute tables named {@code *_attrs}) into Optuna's schema, keeping every
 * study, direction, trial (with its id and number), parameter (in its order), value, intermediate
 * value, attribute, heartbeat and study attribute (the stored study file). It runs once, inside the
 * caller's transaction, so a failure leaves the old database as it was; on SQLite a copy of the
 * file is made first ({@link #backup}).
 *
 * <p>The old rows are read into memory, the old tables dropped, the new schema created and the rows
 * written: the tables share names, and PostgreSQL index names are global to a schema, so the two
 * cannot live side by side. A NULL objective value (NaN, which hpo4j never stored for a COMPLETE
 * trial) has no representation in Optuna's schema and is left out.
 *
 * <p>Stateless and thread-safe.
 */
final class LegacyMigration {
  private static final String[] OLD_TABLES = {
    "trial_heartbeats",
    "trial_system_attrs",
    "trial_user_attrs",
    "trial_intermediate_values",
    "trial_values",
    "trial_params",
    "trials",
    "study_system_attrs",
    "study_directions",
    "studies",
    "flyway_schema_history"
  };

  private LegacyMigration() {}

  /**
   * Copies an SQLite file (a consistent snapshot, through {@code VACUUM INTO}) beside itself.
   *
   * @return the copy: {@code FILE.v2-backup}, or {@code FILE.v2-backup.N} when that exists
   */
  static Path backup(Connection c, Path file) throws SQLException {
    Path target = file.resolveSibling(file.getFileName() + ".v2-backup");
    for (int i = 1; Files.exists(target); i++) {
      target = file.resolveSibling(file.getFileName() + ".v2-backup." + i);
    }
    try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, target.toString());
      ps.execute();
    }
    return target;
  }

  /** Runs the migration in the caller's transaction. */
  static void run(Connection c, Dialect dialect) throws SQLException {
    Set<String> tables = Schema.tables(c);
    List<Object[]> studies = rows(c, "SELECT study_id, name FROM studies ORDER BY study_id");
    List<Object[]> directions =
        rows(c, "SELECT study_id, objective, direction FROM study_directions");
    List<Object[]> studyAttrs =
        tables.contains("study_system_attrs")
            ? rows(c, "SELECT study_id, attr_key, value_json FROM study_system_attrs")
            : List.of();
    List<Object[]> trials =
        rows(
            c,
            "SELECT trial_id, number, study_id, state, datetime_start, datetime_complete "
                + "FROM trials ORDER BY trial_id");
    List<Object[]> params =
        rows(
            c,
            "SELECT trial_id, name, value, distribution FROM trial_params "
                + "ORDER BY trial_id, position");
    List<Object[]> values = rows(c, "SELECT trial_id, objective, value FROM trial_values");
    List<Object[]> inter = rows(c, "SELECT trial_id, step, value FROM trial_intermediate_values");
    List<Object[]> user = rows(c, "SELECT trial_id, attr_key, value_json FROM trial_user_attrs");
    List<Object[]> system =
        rows(c, "SELECT trial_id, attr_key, value_json FROM trial_system_attrs");
    List<Object[]> beats = rows(c, "SELECT trial_id, beat FROM trial_heartbeats");
    try (Statement s = c.createStatement()) {
      for (String t : OLD_TABLES) {
        if (tables.contains(t)) {
          s.execute("DROP TABLE " + t + (dialect == Dialect.POSTGRESQL ? " CASCADE" : ""));
        }
      }
    }
    Schema.create(c, dialect);
    insert(
        c,
        "INSERT INTO studies (study_id, study_name) VALUES (?, ?)",
        studies,
        (ps, r) -> {
          ps.setLong(1, num(r[0]).longValue());
          ps.setString(2, (String) r[1]);
        });
    insert(
        c,
        "INSERT INTO study_directions (study_id, objective, direction) VALUES (?, ?, ?)",
        directions,
        (ps, r) -> {
          ps.setLong(1, num(r[0]).longValue());
          ps.setInt(2, num(r[1]).intValue());
          ps.setString(3, (String) r[2]);
        });
    insert(
        c,
        "INSERT INTO study_system_attributes (study_id, \"key\", value_json) VALUES (?, ?, ?)",
        studyAttrs,
        LegacyMigration::attr);
    insert(
        c,
        "INSERT INTO trials (trial_id, number, study_id, state, datetime_start, datetime_complete) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
        trials,
        (ps, r) -> {
          ps.setLong(1, num(r[0]).longValue());
          ps.setInt(2, num(r[1]).intValue());
          ps.setLong(3, num(r[2]).longValue());
          ps.setString(4, (String) r[3]);
          Times.bind(
              ps, 5, dialect, r[4] == null ? null : Instant.ofEpochMilli(num(r[4]).longValue()));
          Times.bind(
              ps, 6, dialect, r[5] == null ? null : Instant.ofEpochMilli(num(r[5]).longValue()));
        });
    insert(
        c,
        "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)",
        params,
        (ps, r) -> {
          ps.setLong(1, num(r[0]).longValue());
          ps.setString(2, (String) r[1]);
          setDouble(ps, 3, r[2] == null ? Double.NaN : num(r[2]).doubleValue());
          ps.setString(4, Json.write(Json.distribution((String) r[3])));
        });
    List<Object[]> finite = new ArrayList<>();
    for (Object[] r : values) {
      if (r[2] != null && !Double.isNaN(num(r[2]).doubleValue())) {
        finite.add(r);
      }
    }
    insert(
        c,
        "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)",
        finite,
        (ps, r) -> {
          double v = num(r[2]).doubleValue();
          ps.setLong(1, num(r[0]).longValue());
          ps.setInt(2, num(r[1]).intValue());
          setDouble(ps, 3, v);
          ps.setString(4, StoredValues.type(v));
        });
    insert(
        c,
        "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) "
            + "VALUES (?, ?, ?, ?)",
        inter,
        (ps, r) -> {
          double v = r[2] == null ? Double.NaN : num(r[2]).doubleValue();
          ps.setLong(1, num(r[0]).longValue());
          ps.setInt(2, num(r[1]).intValue());
          setDouble(ps, 3, v);
          ps.setString(4, StoredValues.type(v));
        });
    insert(
        c,
        "INSERT INTO trial_user_attributes (trial_id, \"key\", value_json) VALUES (?, ?, ?)",
        user,
        LegacyMigration::attr);
    insert(
        c,
        "INSERT INTO trial_system_attributes (trial_id, \"key\", value_json) VALUES (?, ?, ?)",
        system,
        LegacyMigration::attr);
    insert(
        c,
        "INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, ?)",
        beats,
        (ps, r) -> {
          ps.setLong(1, num(r[0]).longValue());
          Times.bind(ps, 2, dialect, num(r[1]).longValue());
        });
    if (dialect == Dialect.POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        for (String[] t : new String[][] {{"studies", "study_id"}, {"trials", "trial_id"}}) {
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + t[0]
                  + "', '"
                  + t[1]
                  + "'), "
                  + "COALESCE((SELECT MAX("
                  + t[1]
                  + ") FROM "
                  + t[0]
                  + "), 0) + 1, false)");
        }
      }
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps, Object[] row) throws SQLException;
  }

  private static void attr(PreparedStatement ps, Object[] r) throws SQLException {
    ps.setLong(1, num(r[0]).longValue());
    ps.setString(2, (String) r[1]);
    ps.setString(3, (String) r[2]);
  }

  private static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
    Double n = StoredValues.number(v);
    if (n == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, n);
    }
  }

  private static Number num(Object o) {
    return (Number) o;
  }

  private static List<Object[]> rows(Connection c, String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
          r[i] = rs.getObject(i + 1);
        }
        out.add(r);
      }
    }
    return out;
  }

  private static void insert(Connection c, String sql, List<Object[]> rows, Binder binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] r : rows) {
        binder.bind(ps, r);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
