package org.hpo4j.jdbc;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A {@link Storage} in an SQLite file or a PostgreSQL database in Optuna's RDB schema ({@link
 * Schema}), shared by any number of threads and processes, hpo4j's and Optuna's: trial numbers are
 * allocated under the study row's lock as Optuna allocates them, state changes are compare-and-set,
 * parameters are stored as internal values with Optuna's distribution JSON. Trials this process
 * runs beat every {@link JdbcOptions#heartbeatInterval()}; a RUNNING trial whose beat is older than
 * the grace period is failed by {@link #failStaleTrials}, which {@link #claimWaitingTrial} also
 * runs (at most once per interval), and with {@code max_retries > 0} its parameters are enqueued
 * again as a WAITING trial whose system attribute {@code retry_of} names the failed trial's number.
 * Reading the history re-reads only what changed ({@link TrialCache}).
 *
 * <p><b>Commits per trial.</b> A commit that waits for the disk costs milliseconds, far more than
 * the statements of a trial, so a trial this process runs costs two transactions: its creation
 * (which does not wait for the disk, see {@link JdbcOptions.SynchronousCommit}) and its finish,
 * which writes its parameters, intermediate values and attributes together with its state and
 * values and waits. Until then those writes are kept in a {@link LocalTrial}: readers in this
 * process see them at once; other processes see them after the trial's next heartbeat, which
 * flushes them. So a worker killed before its trial's first beat (one heartbeat interval) leaves a
 * RUNNING trial without parameters, whose retry samples afresh, and another process's constant liar
 * sees that trial's parameters up to one interval late; a FINISHED trial is never lost.
 *
 * <p>Thread-safe. Every failure of the database surfaces as a {@link StorageException} whose
 * message names the URL (password masked).
 */
public final class JdbcStorage implements Storage {
  private final Database db;
  private final JdbcOptions options;
  private final Heartbeats heartbeats;
  private final TrialCache cache = new TrialCache();
  private final Map<Long, List<StudyDirection>> directions = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastSweep = new ConcurrentHashMap<>();

  private JdbcStorage(Database db, JdbcOptions options) {
    this.db = db;
    this.options = options;
    this.heartbeats = new Heartbeats(db, options.clock(), options.heartbeatInterval());
  }

  /**
   * Opens (creating or migrating the schema when needed) the storage at {@code url}, with the
   * default options overridden by the URL's query options.
   *
   * @throws IllegalArgumentException when the URL is malformed, listing the accepted forms
   * @throws StorageException naming the URL when the database cannot be opened
   */
  public static JdbcStorage open(String url) {
    return open(url, JdbcOptions.defaults());
  }

  /**
   * Opens the storage at {@code url} with {@code options}, overridden by the URL's query options.
   *
   * @throws IllegalArgumentException when the URL or an option is malformed
   * @throws StorageException naming the URL when the database cannot be opened
   */
  public static JdbcStorage open(String url, JdbcOptions options) {
    JdbcUrl u = JdbcUrl.parse(url);
    JdbcOptions o = requireNonNull(options, "options").with(u.options());
    return new JdbcStorage(Database.open(u, o.poolSize(), o.synchronousCommit()), o);
  }

  /**
   * Opens the storage at {@code url} for a command that only reads: as {@link #open(String)}, but a
   * database that would need migrating (hpo4j's earlier schema, Optuna's previous revision) is
   * refused, unchanged, with a message saying how to migrate it.
   *
   * @throws StorageException naming the URL when the database cannot be opened or needs migrating
   */
  public static JdbcStorage openWithoutMigrating(String url) {
    JdbcUrl u = JdbcUrl.parse(url);
    JdbcOptions o = JdbcOptions.defaults().with(u.options());
    return new JdbcStorage(Database.open(u, o.poolSize(), o.synchronousCommit(), false), o);
  }

  /**
   * @return the URL as given, password masked
   */
  public String url() {
    return db.url.display();
  }

  /**
   * @return what opening did to the schema (created, upgraded from an older revision, migrated), or
   *     null
   */
  public String schemaNote() {
    return db.schemaNote;
  }

  /**
   * @return the options in force
   */
  public JdbcOptions options() {
    return options;
  }

  @Override
  public long createStudy(String name, List<StudyDirection> dirs) {
    requireArgument(
        name != null && !name.isBlank(), "study name must be non-empty, but got '%s'", name);
    requireArgument(
        dirs != null && !dirs.isEmpty(), "a study needs at least one direction, but got %s", dirs);
    try {
      return db.write("creating study '" + name + "'", c -> StudyRows.create(c, name, dirs));
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException s && Database.isUniqueViolation(s)) {
        throw new DuplicateStudyException(name); // lost a race with another process
      }
      throw e;
    }
  }

  @Override
  public Optional<Long> findStudy(String name) {
    return db.read("finding study '" + name + "'", c -> StudyRows.find(c, name));
  }

  @Override
  public List<StudySummary> studies() {
    return db.read("listing studies", StudyRows::list);
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    List<StudyDirection> d = directions.get(studyId);
    if (d == null) {
      d = db.read("reading directions", c -> StudyRows.directions(c, studyId));
      directions.put(studyId, d);
    }
    return d;
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    requireNonNull(key, "key");
    String json = Json.write(value);
    db.write(
        "writing study attribute '" + key + "'",
        c -> {
          StudyRows.setAttr(c, studyId, key, json);
          return null;
        });
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return db.read("reading study attributes", c -> StudyRows.attrs(c, studyId));
  }

  @Override
  public void deleteStudy(long studyId) {
    int n = db.write("deleting study " + studyId, c -> StudyRows.delete(c, studyId));
    directions.remove(studyId);
    cache.clear();
    if (n == 0) {
      throw new StorageException("no study with id " + studyId + " in this storage");
    }
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    requireNonNull(fixedParams, "fixedParams");
    long now = options.clock().millis();
    // An enqueued trial is the user's request, so it is committed durably; a RUNNING one is not
    // (see JdbcOptions.SynchronousCommit): its finish will be.
    FrozenTrial t =
        db.write(
            "creating a trial",
            waiting,
            c ->
                TrialWrites.insertTrial(
                    c, db.dialect, studyId, fixedParams, waiting, Map.of(), now));
    if (!waiting) {
      heartbeats.start(t);
    }
    return t;
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    long now = options.clock().millis();
    Long last = lastSweep.get(studyId);
    if (last == null || now - last >= options.heartbeatInterval().toMillis()) {
      lastSweep.put(studyId, now);
      if (db.reachableFor(
          options.gracePeriod())) { // after an outage, live workers' beats resume first
        failStaleTrials(studyId);
      }
    }
    boolean any =
        db.read(
            "looking for waiting trials",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT 1 FROM trials WHERE study_id = ? AND state = 'WAITING' LIMIT 1")) {
                ps.setLong(1, studyId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next();
                }
              }
            });
    if (!any) {
      return Optional.empty();
    }
    Long id =
        db.write(
            "claiming a waiting trial",
            false,
            c -> {
              Long claimed;
              try (PreparedStatement ps = c.prepareStatement(db.dialect.claimSql())) {
                Times.bind(ps, 1, db.dialect, now);
                ps.setLong(2, studyId);
                try (ResultSet rs = ps.executeQuery()) {
                  claimed = rs.next() ? rs.getLong(1) : null;
                }
              }
              if (claimed != null) {
                TrialWrites.beat(c, db.dialect, claimed, now);
              }
              return claimed;
            });
    if (id == null) {
      return Optional.empty();
    }
    FrozenTrial claimed = trial(id);
    heartbeats.start(claimed);
    return Optional.of(claimed);
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    requireNonNull(name, "name");
    requireNonNull(distribution, "distribution");
    String json = Json.write(distribution);
    LocalTrial local = heartbeats.local(trialId);
    if (local != null && local.setParam(name, internal, distribution, json)) {
      return; // written with the next heartbeat or the finish
    }
    db.write(
        "writing parameter '" + name + "'",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO trial_params "
                      + "(trial_id, param_name, param_value, distribution_json) SELECT ?, ?, ?, ? "
                      + TrialWrites.WHILE_RUNNING
                      + "ON CONFLICT (trial_id, param_name) DO UPDATE SET param_value = excluded.param_value, "
                      + "distribution_json = excluded.distribution_json")) {
            ps.setLong(1, trialId);
            ps.setString(2, name);
            ps.setDouble(3, internal);
            ps.setString(4, json);
            ps.setLong(5, trialId);
            if (ps.executeUpdate() == 0) {
              TrialWrites.requireRunning(c, trialId);
            }
          }
          return null;
        });
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    LocalTrial local = heartbeats.local(trialId);
    if (local != null && local.setIntermediate(step, value)) {
      return;
    }
    db.write(
        "writing an intermediate value",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(TrialWrites.insertIntermediateSql(TrialWrites.WHILE_RUNNING))) {
            ps.setLong(1, trialId);
            ps.setInt(2, step);
            TrialWrites.bindValue(ps, 3, value);
            ps.setLong(5, trialId);
            if (ps.executeUpdate() == 0) {
              TrialWrites.requireRunning(c, trialId);
            }
          }
          return null;
        });
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    setAttr(true, trialId, key, value);
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    setAttr(false, trialId, key, value);
  }

  private void setAttr(boolean user, long trialId, String key, Object value) {
    requireNonNull(key, "key");
    String json = Json.write(value);
    LocalTrial local = heartbeats.local(trialId);
    if (local != null && local.setAttr(user, key, Json.read(json), json)) {
      return;
    }
    db.write(
        "writing attribute '" + key + "'",
        c -> {
          TrialWrites.stateOf(c, trialId); // a clear message for a missing trial
          TrialWrites.upsertAttr(c, user, trialId, key, json);
          return null;
        });
    cache.markDirty(trialId);
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    requireArgument(
        state != null && state.isFinished(),
        "finishTrial needs COMPLETE, PRUNED or FAIL, but got %s",
        state);
    requireNonNull(values, "values");
    long now = options.clock().millis();
    LocalTrial local = heartbeats.local(trialId);
    if (local != null) {
      local.lock.lock();
      try {
        if (!local.closed) {
          return finishLocal(local, state, values, now);
        }
      } finally {
        local.lock.unlock();
      }
    }
    return db.write(
        "finishing a trial",
        c -> {
          if (TrialWrites.finish(c, db.dialect, trialId, state, values, now, null)) {
            return true;
          }
          TrialWrites.stateOf(c, trialId);
          return false;
        });
  }

  /**
   * Finishes a trial this process runs, writing everything it wrote since the last heartbeat in the
   * same transaction: the one commit per trial that waits for the disk. Called under its lock.
   */
  private boolean finishLocal(LocalTrial local, TrialState state, List<Double> values, long now) {
    long trialId = local.base.id();
    boolean won;
    if (db.dialect == Dialect.POSTGRESQL && !db.async(true) && local.onlyParamsDirty()) {
      won =
          db.autoCommit(
              "finishing a trial",
              c -> {
                if (local.finishInOneStatement(c, state, values, now)) {
                  return true;
                }
                TrialWrites.stateOf(c, trialId);
                return false;
              });
    } else {
      won =
          db.write(
              "finishing a trial",
              true,
              c -> {
                if (!TrialWrites.finish(c, db.dialect, trialId, state, values, now, local.base)) {
                  TrialWrites.stateOf(c, trialId);
                  return false;
                }
                local.flush(c, false);
                return true;
              });
    }
    // Won or lost (a stale-trial sweep failed it first), the trial is no longer this process's to
    // write.
    local.closed = true;
    heartbeats.stop(trialId);
    if (won) {
      local.flushed();
      cache.remember(local.finished(state, values, now));
    }
    return won;
  }

  @Override
  public FrozenTrial trial(long trialId) {
    FrozenTrial cached = cache.finished(trialId);
    if (cached != null) {
      return cached;
    }
    List<FrozenTrial> t =
        db.read(
            "reading a trial",
            c -> TrialReader.load(c, db.dialect, "t.trial_id = ?", List.of(trialId)));
    if (t.isEmpty()) {
      throw new StorageException("no trial with id " + trialId + " in this storage");
    }
    cache.remember(t.get(0));
    LocalTrial local = heartbeats.local(trialId);
    return local == null ? t.get(0) : local.overlay(t.get(0));
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    directions(studyId); // a clear message for a missing study
    List<FrozenTrial> out =
        cache.trials(
            studyId,
            states,
            (where, args) ->
                db.read("reading trials", c -> TrialReader.load(c, db.dialect, where, args)));
    heartbeats.overlay(out);
    return out;
  }

  @Override
  public int countTrials(long studyId, Set<TrialState> states) {
    if (states != null && states.isEmpty()) {
      return 0;
    }
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM trials WHERE study_id = ?");
    if (states != null) {
      sql.append(" AND state IN (");
      int i = 0;
      for (TrialState s : states) {
        sql.append(i++ == 0 ? "'" : ", '").append(s.name()).append('\'');
      }
      sql.append(')');
    }
    return db.read(
        "counting trials",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Override
  public void heartbeat(long trialId) {
    LocalTrial local = heartbeats.local(trialId);
    if (local != null) {
      heartbeats.beat(List.of(local), true);
      return;
    }
    long now = options.clock().millis();
    db.write(
        "writing a heartbeat",
        c -> {
          TrialWrites.beat(c, db.dialect, trialId, now);
          return null;
        });
  }

  @Override
  public List<FrozenTrial> failStaleTrials(long studyId) {
    return StaleTrials.sweep(db, studyId, options, heartbeats::owns, this::trial);
  }

  @Override
  public void close() {
    try {
      heartbeats.flushAll(); // so that the retries of trials left RUNNING get their parameters
    } catch (RuntimeException e) {
      // the database is gone; the trials will be failed by the sweep of another process
    }
    heartbeats.close();
    db.close();
  }
}
