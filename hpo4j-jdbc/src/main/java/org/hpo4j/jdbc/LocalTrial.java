package org.hpo4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A RUNNING trial this process runs, with everything this process wrote to it: its parameters,
 * intermediate values and attributes are kept here and reach the database in one batched
 * transaction, with the trial's next heartbeat or with its finish, instead of one commit each.
 * Readers in this process see them at once ({@link #overlay}); other processes see them after the
 * next heartbeat (at most one heartbeat interval later) or at the finish.
 *
 * <p>Thread-safe: every method runs under {@link #lock}, which a flush holds for its whole
 * transaction. Lock order: this lock before the database's writer lock, never the other way.
 */
final class LocalTrial {
  final ReentrantLock lock = new ReentrantLock();

  /** The trial as created or claimed. */
  final FrozenTrial base;

  private final Map<String, Double> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final Map<String, String> distributionJson = new LinkedHashMap<>();
  private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();
  private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
  private final Map<String, String> userJson = new LinkedHashMap<>();
  private final Map<String, String> systemJson = new LinkedHashMap<>();

  /** Written here but not yet committed to the database. */
  private final Set<String> dirtyParams = new LinkedHashSet<>();

  private final Set<Integer> dirtySteps = new TreeSet<>();
  private final Set<String> dirtyUser = new LinkedHashSet<>();
  private final Set<String> dirtySystem = new LinkedHashSet<>();

  /** Set under the lock once this process finished the trial; later writes go to the database. */
  boolean closed;

  LocalTrial(FrozenTrial base) {
    this.base = base;
    base.internalParams()
        .forEach(
            (k, v) -> {
              params.put(k, v);
              distributions.put(k, base.distributions().get(k));
              distributionJson.put(k, Json.write(base.distributions().get(k)));
            });
    intermediate.putAll(base.intermediateValues());
  }

  /**
   * @return false, keeping nothing, when the trial was finished here meanwhile
   */
  boolean setParam(String name, double internal, Distribution d, String json) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      params.put(name, internal);
      distributions.put(name, d);
      distributionJson.put(name, json);
      dirtyParams.add(name);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return false, keeping nothing, when the trial was finished here meanwhile
   */
  boolean setIntermediate(int step, double value) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (!intermediate.containsKey(step) && !base.intermediateValues().containsKey(step)) {
        intermediate.put(step, value);
        dirtySteps.add(step);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param json the value as stored; {@code value} is that JSON read back, as a reader would see it
   */
  boolean setAttr(boolean user, String key, Object value, String json) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      (user ? userAttrs : systemAttrs).put(key, value);
      (user ? userJson : systemJson).put(key, json);
      (user ? dirtyUser : dirtySystem).add(key);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return whether some write has not reached the database yet (call under the lock)
   */
  boolean dirty() {
    return !dirtyParams.isEmpty()
        || !dirtySteps.isEmpty()
        || !dirtyUser.isEmpty()
        || !dirtySystem.isEmpty();
  }

  /**
   * Writes the uncommitted writes in the caller's transaction (call under the lock, then {@link
   * #flushed()} once it committed). When {@code guarded} (a heartbeat) the parameters and
   * intermediate values only land while the trial is RUNNING, so a flush after a stale-trial sweep
   * failed the trial writes none; the finish writes them unguarded after its compare-and-set.
   */
  void flush(Connection c, boolean guarded) throws SQLException {
    String where = guarded ? TrialWrites.WHILE_RUNNING : "WHERE ? IS NOT NULL ";
    if (!dirtyParams.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO trial_params "
                  + "(trial_id, param_name, param_value, distribution_json) SELECT ?, ?, ?, ? "
                  + where
                  + "ON CONFLICT (trial_id, param_name) DO UPDATE SET param_value = excluded.param_value, "
                  + "distribution_json = excluded.distribution_json")) {
        for (String name : dirtyParams) {
          ps.setLong(1, base.id());
          ps.setString(2, name);
          ps.setDouble(3, params.get(name));
          ps.setString(4, distributionJson.get(name));
          ps.setLong(5, base.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!dirtySteps.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(TrialWrites.insertIntermediateSql(where))) {
        for (int step : dirtySteps) {
          ps.setLong(1, base.id());
          ps.setInt(2, step);
          TrialWrites.bindValue(ps, 3, intermediate.get(step));
          ps.setLong(5, base.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    flushAttrs(c, true, dirtyUser, userJson);
    flushAttrs(c, false, dirtySystem, systemJson);
  }

  private void flushAttrs(Connection c, boolean user, Set<String> dirty, Map<String, String> json)
      throws SQLException {
    if (dirty.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(TrialWrites.upsertAttrSql(user))) {
      for (String key : dirty) {
        ps.setLong(1, base.id());
        ps.setString(2, key);
        ps.setString(3, json.get(key));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * @return whether only parameters await a flush (call under the lock)
   */
  boolean onlyParamsDirty() {
    return dirtySteps.isEmpty() && dirtyUser.isEmpty() && dirtySystem.isEmpty();
  }

  /**
   * PostgreSQL: the compare-and-set finish (see {@link TrialWrites#finish}) with the unflushed
   * parameters and the values, as one auto-committed statement, one round trip instead of four.
   * Only when {@link #onlyParamsDirty()}; call under the lock, then {@link #flushed()} when it won.
   *
   * @return whether this call moved the trial from RUNNING to {@code state}
   */
  boolean finishInOneStatement(Connection c, TrialState state, List<Double> values, long now)
      throws SQLException {
    String[] names = dirtyParams.toArray(new String[0]);
    Double[] internals = new Double[names.length];
    String[] dists = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      internals[i] = params.get(names[i]);
      dists[i] = distributionJson.get(names[i]);
    }
    List<Integer> objectives = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (!Double.isNaN(v)) {
        objectives.add(i);
        numbers.add(StoredValues.number(v));
        types.add(StoredValues.type(v));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH u AS (UPDATE trials SET state = ?, datetime_complete = ? "
                + "WHERE trial_id = ? AND state = 'RUNNING' AND number = ? AND datetime_start = ? RETURNING trial_id), "
                + "p AS (INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) "
                + "SELECT u.trial_id, x.name, x.value, x.distribution "
                + "FROM u, unnest(?::text[], ?::float8[], ?::text[]) WITH ORDINALITY AS x(name, value, distribution, i) "
                + "ORDER BY x.i ON CONFLICT (trial_id, param_name) DO UPDATE SET param_value = excluded.param_value, "
                + "distribution_json = excluded.distribution_json), "
                + "v AS (INSERT INTO trial_values (trial_id, objective, value, value_type) "
                + "SELECT u.trial_id, x.objective, x.value, x.type::trialvaluetype "
                + "FROM u, unnest(?::int4[], ?::float8[], ?::text[]) AS x(objective, value, type)) "
                + "SELECT COUNT(*) FROM u")) {
      ps.setString(1, state.name());
      Times.bind(ps, 2, Dialect.POSTGRESQL, now);
      ps.setLong(3, base.id());
      ps.setInt(4, base.number());
      Times.bind(ps, 5, Dialect.POSTGRESQL, base.start());
      ps.setArray(6, c.createArrayOf("text", names));
      ps.setArray(7, c.createArrayOf("float8", internals));
      ps.setArray(8, c.createArrayOf("text", dists));
      ps.setArray(9, c.createArrayOf("int4", objectives.toArray(new Integer[0])));
      ps.setArray(10, c.createArrayOf("float8", numbers.toArray(new Double[0])));
      ps.setArray(11, c.createArrayOf("text", types.toArray(new String[0])));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  /** Forgets the dirty marks after the flush committed (call under the lock). */
  void flushed() {
    dirtyParams.clear();
    dirtySteps.clear();
    dirtyUser.clear();
    dirtySystem.clear();
  }

  /**
   * @return {@code fromDb} with this process's writes on top, when the database still has the trial
   *     RUNNING; {@code fromDb} itself otherwise
   */
  FrozenTrial overlay(FrozenTrial fromDb) {
    if (fromDb.state() != TrialState.RUNNING) {
      return fromDb;
    }
    lock.lock();
    try {
      Map<String, Double> p = new LinkedHashMap<>(params);
      Map<String, Distribution> d = new LinkedHashMap<>(distributions);
      fromDb.internalParams().forEach(p::putIfAbsent);
      fromDb.distributions().forEach(d::putIfAbsent);
      TreeMap<Integer, Double> inter = new TreeMap<>(fromDb.intermediateValues());
      intermediate.forEach(inter::putIfAbsent);
      Map<String, Object> user = new LinkedHashMap<>(fromDb.userAttrs());
      user.putAll(userAttrs);
      Map<String, Object> system = new LinkedHashMap<>(fromDb.systemAttrs());
      system.putAll(systemAttrs);
      return new FrozenTrial(
          fromDb.number(),
          fromDb.id(),
          fromDb.state(),
          p,
          d,
          fromDb.values(),
          inter,
          user,
          system,
          fromDb.start(),
          fromDb.complete());
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return the trial as it is once this process's finish committed (call under the lock)
   */
  FrozenTrial finished(TrialState state, List<Double> values, long completeMillis) {
    Map<String, Object> user = new LinkedHashMap<>(base.userAttrs());
    user.putAll(userAttrs);
    Map<String, Object> system = new LinkedHashMap<>(base.systemAttrs());
    system.putAll(systemAttrs);
    return new FrozenTrial(
        base.number(),
        base.id(),
        state,
        params,
        distributions,
        values,
        intermediate,
        user,
        system,
        base.start(),
        Instant.ofEpochMilli(completeMillis));
  }
}
