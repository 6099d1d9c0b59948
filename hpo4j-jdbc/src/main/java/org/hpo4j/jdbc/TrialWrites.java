package org.hpo4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.storage.StorageException;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The writing statements over Optuna's trial tables, each run inside a transaction the caller owns,
 * so that the stale-trial sweep can fail a trial and enqueue its retry in one transaction.
 *
 * <p>Stateless and thread-safe.
 */
final class TrialWrites {
  /** The guard of a write that may only land while the trial is RUNNING (binds the trial id). */
  static final String WHILE_RUNNING =
      "WHERE EXISTS (SELECT 1 FROM trials WHERE trial_id = ? AND state = 'RUNNING') ";

  private TrialWrites() {}

  /**
   * @param where {@link #WHILE_RUNNING}, or a condition that always holds for a write after the
   *     finish's compare-and-set; binds the trial id as its fifth parameter
   * @return the insert of one intermediate value (trial id, step, number, type), first report wins
   */
  static String insertIntermediateSql(String where) {
    return "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) "
        + "SELECT ?, ?, ?, ? "
        + where
        + "ON CONFLICT (trial_id, step) DO NOTHING";
  }

  /** Binds a double as Optuna stores it: its number column (NULL unless finite), then its type. */
  static void bindValue(PreparedStatement ps, int index, double v) throws SQLException {
    Double n = StoredValues.number(v);
    if (n == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, n);
    }
    ps.setString(index + 1, StoredValues.type(v));
  }

  /**
   * Allocates the next number of the study and inserts the trial, as Optuna's writers do: under the
   * study row's lock ({@code FOR UPDATE} on PostgreSQL; on SQLite the database lock of the caller's
   * IMMEDIATE transaction), a trial's number is the count of the study's trials before it, which is
   * the number of the study's newest trial plus one (ids grow under that lock, so the newest is the
   * one with the highest id). The lookup is a separate statement so that on PostgreSQL it sees the
   * trial that the previous holder of the lock committed. A RUNNING trial gets its heartbeat row at
   * once, so that the sweep of any worker (Optuna's too) can fail it should this process die.
   *
   * @throws StorageException when there is no such study
   */
  static FrozenTrial insertTrial(
      Connection c,
      Dialect dialect,
      long studyId,
      Map<String, Object> fixedParams,
      boolean waiting,
      Map<String, Object> systemAttrs,
      long now)
      throws SQLException {
    TrialState state = waiting ? TrialState.WAITING : TrialState.RUNNING;
    int number =
        dialect == Dialect.SQLITE ? nextNumberSqlite(c, studyId) : nextNumberPostgres(c, studyId);
    Instant start = waiting ? null : Instant.ofEpochMilli(now);
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO trials (number, study_id, state, datetime_start) "
                + "VALUES (?, ?, ?, ?) RETURNING trial_id")) {
      ps.setInt(1, number);
      ps.setLong(2, studyId);
      ps.setString(3, state.name());
      Times.bind(ps, 4, dialect, start);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    if (!waiting) {
      beat(c, dialect, id, now);
    }
    Map<String, Object> attrs = new TreeMap<>(systemAttrs);
    if (!fixedParams.isEmpty()) {
      attrs.put("fixed_params", fixedParams);
    }
    Map<String, Object> stored = new TreeMap<>();
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      String json = Json.write(e.getValue());
      upsertAttr(c, false, id, e.getKey(), json);
      stored.put(e.getKey(), Json.read(json));
    }
    return new FrozenTrial(
        number,
        id,
        state,
        Map.of(),
        Map.of(),
        List.of(),
        new TreeMap<>(),
        Map.of(),
        stored,
        start,
        null);
  }

  /**
   * SQLite: the caller's IMMEDIATE transaction holds the lock; one statement checks the study and
   * finds the number.
   */
  private static int nextNumberSqlite(Connection c, long studyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT t.number FROM trials t WHERE t.study_id = s.study_id "
                + "ORDER BY t.trial_id DESC LIMIT 1) FROM studies s WHERE s.study_id = ?")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("no study with id " + studyId + " in this storage");
        }
        int last = rs.getInt(1);
        return rs.wasNull() ? 0 : last + 1;
      }
    }
  }

  /** PostgreSQL: lock the study row, then (a new snapshot) read the newest number. */
  private static int nextNumberPostgres(Connection c, long studyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("no study with id " + studyId + " in this storage");
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number FROM trials WHERE study_id = ? ORDER BY trial_id DESC LIMIT 1")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) + 1 : 0;
      }
    }
  }

  /**
   * @return the attribute table of trials
   */
  static String attrTable(boolean user) {
    return user ? "trial_user_attributes" : "trial_system_attributes";
  }

  /**
   * @return the statement inserting or replacing an attribute (trial id, key, JSON)
   */
  static String upsertAttrSql(boolean user) {
    return "INSERT INTO "
        + attrTable(user)
        + " (trial_id, \"key\", value_json) VALUES (?, ?, ?) "
        + "ON CONFLICT (trial_id, \"key\") DO UPDATE SET value_json = excluded.value_json";
  }

  /** Inserts or replaces an attribute. */
  static void upsertAttr(Connection c, boolean user, long trialId, String key, String json)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsertAttrSql(user))) {
      ps.setLong(1, trialId);
      ps.setString(2, key);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  /** Records a heartbeat, creating its row when missing. */
  static void beat(Connection c, Dialect dialect, long trialId, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, ?) "
                + "ON CONFLICT (trial_id) DO UPDATE SET heartbeat = excluded.heartbeat")) {
      ps.setLong(1, trialId);
      Times.bind(ps, 2, dialect, now);
      ps.executeUpdate();
    }
  }

  /**
   * Compare-and-set finish. With {@code started} (the trial as this process created or claimed it)
   * the update also checks its number and start time, so that it can never finish another trial
   * should a server crash have lost this one and handed out its id again. A NaN value is not stored
   * (Optuna's schema has no type for it).
   *
   * @return whether this call moved the trial from RUNNING to {@code state}
   */
  static boolean finish(
      Connection c,
      Dialect dialect,
      long trialId,
      TrialState state,
      List<Double> values,
      long now,
      FrozenTrial started)
      throws SQLException {
    String guard = started == null ? "" : " AND number = ? AND datetime_start = ?";
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'"
                + guard)) {
      ps.setString(1, state.name());
      Times.bind(ps, 2, dialect, now);
      ps.setLong(3, trialId);
      if (started != null) {
        ps.setInt(4, started.number());
        Times.bind(ps, 5, dialect, started.start());
      }
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    boolean any = false;
    for (double v : values) {
      any |= !Double.isNaN(v);
    }
    if (any) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < values.size(); i++) {
          if (Double.isNaN(values.get(i))) {
            continue;
          }
          ps.setLong(1, trialId);
          ps.setInt(2, i);
          bindValue(ps, 3, values.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return true;
  }

  /**
   * @return the state and number of a trial
   * @throws StorageException when there is no such trial
   */
  static Object[] stateOf(Connection c, long trialId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT state, number FROM trials WHERE trial_id = ?")) {
      ps.setLong(1, trialId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("no trial with id " + trialId + " in this storage");
        }
        return new Object[] {TrialState.valueOf(rs.getString(1)), rs.getInt(2)};
      }
    }
  }

  /**
   * @throws IllegalStateException when the trial is not RUNNING
   * @throws StorageException when there is no such trial
   */
  static void requireRunning(Connection c, long trialId) throws SQLException {
    Object[] s = stateOf(c, trialId);
    if (s[0] != TrialState.RUNNING) {
      throw new IllegalStateException(
          "trial " + s[1] + " is " + s[0] + "; only a RUNNING trial can be written");
    }
  }
}
