package org.hpo4j.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hpo4j.storage.StorageException;

/**
 * hpo4j's storage schema, which is Optuna's RDB schema at alembic revision {@value #REVISION}
 * ({@code version_info.schema_version} {@value #SCHEMA_VERSION}): what a database holds when it is
 * opened, and creating or upgrading it. A database is refused, unchanged, when it holds anything
 * else: a newer or unknown Optuna revision, an older one Optuna must upgrade first, or tables of
 * some other program.
 *
 * <p>Stateless and thread-safe.
 */
final class Schema {
  /** The alembic revision this code reads and writes. */
  static final String REVISION = "v3.2.0.a";

  /** Optuna's frozen pre-alembic schema number, kept in {@code version_info}. */
  static final int SCHEMA_VERSION = 12;

  /** What {@code version_info.library_version} names when hpo4j created the database. */
  static final String LIBRARY_VERSION = "hpo4j-0.1.0";

  /** The revision hpo4j upgrades itself: {@value #REVISION} only adds an index to it. */
  static final String PREVIOUS = "v3.0.0.d";

  /**
   * Optuna's older revisions, which `optuna storage upgrade` brings to {@value #PREVIOUS} or later.
   */
  private static final List<String> OLDER =
      List.of(
          "v0.9.0.a",
          "v1.2.0.a",
          "v1.3.0.a",
          "v2.4.0.a",
          "v2.6.0.a",
          "v3.0.0.a",
          "v3.0.0.b",
          "v3.0.0.c");

  /**
   * The one index hpo4j adds to Optuna's schema (Optuna ignores it): trials by study and state, so
   * that looking for WAITING trials and counting finished ones do not scan a whole study.
   */
  static final String OWN_INDEX = "ix_trials_study_id_state";

  /** The highest Flyway version of the schema hpo4j used before it adopted Optuna's. */
  static final int LEGACY_VERSION = 2;

  /** What an opened database holds. */
  enum State {
    /** No tables: a new database. */
    EMPTY,
    /** Optuna's schema at {@link #REVISION}: ready. */
    CURRENT,
    /** Optuna's schema at {@link #PREVIOUS}: one index short. */
    PREVIOUS,
    /** hpo4j's own Flyway schema (V1 or V2): migrated once, see {@link LegacyMigration}. */
    LEGACY
  }

  private Schema() {}

  /**
   * @return what the database of {@code c} holds (in the connection's current schema)
   * @throws StorageException naming the storage when it holds something hpo4j must not touch
   */
  static State inspect(Connection c, String display) throws SQLException {
    Set<String> tables = tables(c);
    if (tables.isEmpty()) {
      return State.EMPTY;
    }
    if (tables.contains("flyway_schema_history")) {
      int v = flywayVersion(c);
      if (v > LEGACY_VERSION) {
        throw refuse(
            display,
            "its hpo4j schema is version " + v + ", newer than this hpo4j knows; upgrade hpo4j");
      }
      return State.LEGACY;
    }
    if (tables.contains("alembic_version")) {
      String rev = revision(c);
      if (REVISION.equals(rev)) {
        return State.CURRENT;
      }
      if (PREVIOUS.equals(rev)) {
        return State.PREVIOUS;
      }
      if (rev != null && OLDER.contains(rev)) {
        throw refuse(
            display,
            "its Optuna schema revision "
                + rev
                + " is older than "
                + PREVIOUS
                + "; upgrade it first with `optuna storage upgrade --storage URL`");
      }
      throw refuse(
          display,
          "its Optuna schema revision '"
              + rev
              + "' is unknown (newer than this hpo4j?); "
              + "hpo4j reads revision "
              + REVISION
              + " (Optuna 3.2 to 5.0)");
    }
    if (tables.contains("version_info") && tables.contains("studies")) {
      throw refuse(
          display,
          "it is an Optuna storage from before alembic (before Optuna 1.0); upgrade it first "
              + "with `optuna storage upgrade --storage URL`");
    }
    throw refuse(
        display,
        "it is neither an Optuna nor an hpo4j storage (it has tables "
            + String.join(", ", tables)
            + "); give a new file or database, or an Optuna one");
  }

  private static StorageException refuse(String display, String why) {
    return new StorageException(
        "cannot open storage '" + display + "': " + why + "; it was not changed");
  }

  /**
   * @return the lower-case names of the tables in the connection's current schema
   */
  static Set<String> tables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs =
        c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static int flywayVersion(Connection c) throws SQLException {
    int max = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
      while (rs.next()) {
        String v = rs.getString(1);
        if (v != null && rs.getBoolean(2)) {
          try {
            max = Math.max(max, Integer.parseInt(v.split("\\.")[0]));
          } catch (NumberFormatException e) {
            max = Integer.MAX_VALUE;
          }
        }
      }
    }
    return max;
  }

  private static String revision(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Creates the schema with its alembic revision and version row, in the caller's transaction. */
  static void create(Connection c, Dialect dialect) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements(dialect)) {
        s.execute(sql);
      }
    }
    addOwnIndex(c);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
      ps.setString(1, REVISION);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
      ps.setInt(1, SCHEMA_VERSION);
      ps.setString(2, LIBRARY_VERSION);
      ps.executeUpdate();
    }
  }

  /** Adds {@link #OWN_INDEX} when missing, in the caller's transaction. */
  static void addOwnIndex(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX IF NOT EXISTS " + OWN_INDEX + " ON trials (study_id, state)");
    }
  }

  /**
   * @return whether {@link #OWN_INDEX} exists (in the connection's current schema)
   */
  static boolean hasOwnIndex(Connection c, Dialect dialect) throws SQLException {
    String sql =
        dialect == Dialect.SQLITE
            ? "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = '" + OWN_INDEX + "'"
            : "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '"
                + OWN_INDEX
                + "'";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next();
    }
  }

  /**
   * Brings revision {@value #PREVIOUS} to {@value #REVISION} (its one index), in the caller's
   * transaction.
   */
  static void upgradePrevious(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX IF NOT EXISTS trials_study_id_key ON trials (study_id)");
      s.execute("UPDATE alembic_version SET version_num = '" + REVISION + "'");
    }
    addOwnIndex(c);
  }

  private static List<String> statements(Dialect dialect) {
    String name = "schema-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql";
    try (InputStream in = Schema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      for (String line : text.split("\n")) {
        if (line.trim().equals(";")) {
          out.add(cur.toString());
          cur.setLength(0);
        } else if (!line.startsWith("--")) {
          cur.append(line).append('\n');
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
