package org.hpo4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.storage.StorageException;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The writing statements, each run inside a transaction the caller owns, so that the stale-trial
 * sweep can fail a trial and enqueue its retry in one transaction.
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
   *     finish's compare-and-set; binds the trial id as its fourth parameter
   * @return the insert of one intermediate value (trial id, step, value), first report wins
   */
  static String insertIntermediateSql(String where) {
    return "INSERT INTO trial_intermediate_values (trial_id, step, value) SELECT ?, ?, ? " + where
        + "ON CONFLICT (trial_id, step) DO NOTHING";
  }

  /**
   * Allocates the next number of the study through its counter row (a row lock on PostgreSQL, the
   * database lock of an IMMEDIATE transaction on SQLite) and inserts the trial: one statement on
   * PostgreSQL. A RUNNING trial gets no heartbeat row: its start time counts as its first beat.
   *
   * @throws StorageException when there is no such study
   */
  static FrozenTrial insertTrial(Connection c, Dialect dialect, long studyId, Map<String, Object> fixedParams,
      boolean waiting, Map<String, Object> systemAttrs, long now) throws SQLException {
    TrialState state = waiting ? TrialState.WAITING : TrialState.RUNNING;
    int number;
    long id;
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement("WITH n AS (UPDATE studies SET next_number = next_number + 1 "
          + "WHERE study_id = ? RETURNING next_number - 1 AS number) INSERT INTO trials "
          + "(study_id, number, state, datetime_start) SELECT ?, number, ?, ? FROM n RETURNING trial_id, number")) {
        ps.setLong(1, studyId);
        ps.setLong(2, studyId);
        ps.setString(3, state.name());
        setStart(ps, 4, waiting, now);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new StorageException("no study with id " + studyId + " in this storage");
          }
          id = rs.getLong(1);
          number = rs.getInt(2);
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE studies SET next_number = next_number + 1 WHERE study_id = ? RETURNING next_number")) {
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new StorageException("no study with id " + studyId + " in this storage");
          }
          number = rs.getInt(1) - 1;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (study_id, number, state, datetime_start) "
          + "VALUES (?, ?, ?, ?) RETURNING trial_id")) {
        ps.setLong(1, studyId);
        ps.setInt(2, number);
        ps.setString(3, state.name());
        setStart(ps, 4, waiting, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
    }
    Map<String, Object> attrs = new TreeMap<>(systemAttrs);
    if (!fixedParams.isEmpty()) {
      attrs.put("fixed_params", fixedParams);
    }
    Map<String, Object> stored = new TreeMap<>();
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      String json = Json.write(e.getValue());
      upsertAttr(c, "trial_system_attrs", id, e.getKey(), json);
      stored.put(e.getKey(), Json.read(json));
    }
    return new FrozenTrial(number, id, state, Map.of(), Map.of(), List.of(), new TreeMap<>(), Map.of(), stored,
        waiting ? null : Instant.ofEpochMilli(now), null);
  }

  /**
   * Creates a RUNNING trial without fixed parameters on PostgreSQL in one auto-committed statement
   * (allocating its number under the study row's lock, as {@link #insertTrial}). With {@code async}
   * the statement itself sets {@code synchronous_commit} off for its transaction (a {@code SET
   * LOCAL} would need a transaction block, and so two more round trips).
   *
   * @throws StorageException when there is no such study
   */
  static FrozenTrial insertRunningTrial(Connection c, long studyId, long now, boolean async) throws SQLException {
    String sql = (async ? "WITH a AS (SELECT set_config('synchronous_commit', 'off', true) AS v), " : "WITH ")
        + "n AS (UPDATE studies SET next_number = next_number + 1 WHERE study_id = ?"
        + (async ? " AND (SELECT v FROM a) IS NOT NULL" : "") + " RETURNING next_number - 1 AS number) "
        + "INSERT INTO trials (study_id, number, state, datetime_start) SELECT ?, number, 'RUNNING', ? FROM n "
        + "RETURNING trial_id, number";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, studyId);
      ps.setLong(2, studyId);
      ps.setLong(3, now);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("no study with id " + studyId + " in this storage");
        }
        return new FrozenTrial(rs.getInt(2), rs.getLong(1), TrialState.RUNNING, Map.of(), Map.of(), List.of(),
            new TreeMap<>(), Map.of(), Map.of(), Instant.ofEpochMilli(now), null);
      }
    }
  }

  private static void setStart(PreparedStatement ps, int index, boolean waiting, long now) throws SQLException {
    if (waiting) {
      ps.setNull(index, java.sql.Types.BIGINT);
    } else {
      ps.setLong(index, now);
    }
  }

  /** Inserts or replaces an attribute. */
  static void upsertAttr(Connection c, String table, long trialId, String key, String json) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (trial_id, attr_key, value_json) "
        + "VALUES (?, ?, ?) ON CONFLICT (trial_id, attr_key) DO UPDATE SET value_json = excluded.value_json")) {
      ps.setLong(1, trialId);
      ps.setString(2, key);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  /** Records a heartbeat, creating its row when missing. */
  static void beat(Connection c, long trialId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_heartbeats (trial_id, beat) VALUES (?, ?) "
        + "ON CONFLICT (trial_id) DO UPDATE SET beat = excluded.beat")) {
      ps.setLong(1, trialId);
      ps.setLong(2, now);
      ps.executeUpdate();
    }
  }

  /**
   * Compare-and-set finish. With {@code started} (the trial as this process created or claimed it)
   * the update also checks its number and start time, so that it can never finish another trial
   * should a server crash have lost this one and handed out its id again.
   *
   * @param beaten whether the trial may have a heartbeat row to delete
   * @return whether this call moved the trial from RUNNING to {@code state}
   */
  static boolean finish(Connection c, long trialId, TrialState state, List<Double> values, long now,
      FrozenTrial started, boolean beaten) throws SQLException {
    String guard = started == null ? "" : " AND number = ? AND datetime_start = ?";
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'" + guard)) {
      ps.setString(1, state.name());
      ps.setLong(2, now);
      ps.setLong(3, trialId);
      if (started != null) {
        ps.setInt(4, started.number());
        ps.setLong(5, started.start().toEpochMilli());
      }
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    if (!values.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO trial_values (trial_id, objective, value) VALUES (?, ?, ?)")) {
        for (int i = 0; i < values.size(); i++) {
          ps.setLong(1, trialId);
          ps.setInt(2, i);
          ps.setDouble(3, values.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (beaten) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM trial_heartbeats WHERE trial_id = ?")) {
        ps.setLong(1, trialId);
        ps.executeUpdate();
      }
    }
    return true;
  }

  /**
   * @return the state and number of a trial
   * @throws StorageException when there is no such trial
   */
  static Object[] stateOf(Connection c, long trialId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state, number FROM trials WHERE trial_id = ?")) {
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
      throw new IllegalStateException("trial " + s[1] + " is " + s[0] + "; only a RUNNING trial can be written");
    }
  }
}
