package org.hpo4j.jdbc;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A {@link Storage} in a journal file of Optuna's {@code JournalFileBackend} format ({@code
 * journal:PATH}), shared by hpo4j and Optuna processes on one machine or a network file system:
 * every write is an operation appended under the file lock ({@link JournalFile}), and every read
 * first replays the operations other processes appended since ({@link JournalReplay}). A decision
 * that must be atomic (a new study name, a trial number, claiming a waiting trial, the
 * compare-and-set finish) is taken while holding the lock, after replaying up to the end of the
 * file, so it is the one every replay reaches.
 *
 * <p><b>Appends per trial.</b> As for the JDBC storages, the parameters, intermediate values and
 * attributes of a trial this process runs are kept here and appended with its finish, in one write
 * under one lock: a trial costs two appends (its creation and its finish). Other processes see a
 * running trial's parameters only at its finish. Appends are not synced to the disk unless {@code
 * ?fsync=true}: a killed process loses nothing (the operating system has the bytes), a crash of the
 * machine may lose the last ones.
 *
 * <p>Thread-safe: calls are serialised on one lock.
 */
public final class JournalStorage implements Storage {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(
              JsonWriteFeature
                  .WRITE_NAN_AS_STRINGS) // NaN and Infinity as Python's json writes them
          .build();

  private final JournalFile file;
  private final JournalReplay replay = new JournalReplay();
  private final ReentrantLock lock = new ReentrantLock();
  private final String workerId = UUID.randomUUID() + "-hpo4j";
  private final java.time.Clock clock;

  /** Writes to RUNNING trials this process runs, appended with their finish. */
  private final Map<Long, List<JournalOp>> pending = new ConcurrentHashMap<>();

  private JournalStorage(JournalFile file, java.time.Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /**
   * Opens (creating when missing) the journal at {@code
   * journal:PATH[?fsync=true&lock_grace_period=S]}.
   *
   * @throws IllegalArgumentException when the URL is malformed
   * @throws StorageException naming the file and line when the journal cannot be read
   */
  public static JournalStorage open(String url) {
    return open(url, java.time.Clock.systemUTC());
  }

  /**
   * As {@link #open(String)}, with the clock of timestamps and of the stale-lock grace period
   * (tests).
   */
  public static JournalStorage open(String url, java.time.Clock clock) {
    requireArgument(
        url != null && url.startsWith("journal:") && url.length() > "journal:".length(),
        "storage URL '%s' is malformed: the journal file is missing; allowed: journal:PATH",
        url);
    String rest = url.substring("journal:".length());
    boolean fsync = false;
    long grace = 30;
    int q = rest.indexOf('?');
    if (q >= 0) {
      for (String kv : rest.substring(q + 1).split("&")) {
        String[] p = kv.split("=", 2);
        String v = p.length > 1 ? p[1] : "";
        switch (p[0]) {
          case "fsync" -> {
            requireArgument(
                v.equals("true") || v.equals("false"),
                "fsync must be true or false, but got '%s'",
                v);
            fsync = v.equals("true");
          }
          case "lock_grace_period" -> {
            try {
              grace = Long.parseLong(v);
            } catch (NumberFormatException e) {
              grace = -1;
            }
            requireArgument(
                grace > 0,
                "lock_grace_period must be a positive number of seconds, but got '%s'",
                v);
          }
          default ->
              throw new IllegalArgumentException(
                  "storage URL '"
                      + url
                      + "' has unknown option '"
                      + p[0]
                      + "'; allowed: fsync, lock_grace_period");
        }
      }
      rest = rest.substring(0, q);
    }
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    JournalStorage s =
        new JournalStorage(
            new JournalFile(Path.of(rest), clock, java.time.Duration.ofSeconds(grace), fsync),
            clock);
    try {
      s.lock.lock();
      s.sync();
    } catch (RuntimeException e) {
      s.file.close();
      throw e;
    } finally {
      s.lock.unlock();
    }
    return s;
  }

  /** Replays what other processes appended. Call under {@link #lock}. */
  private void sync() {
    for (JournalFile.Line l : file.readNew()) {
      JsonNode op;
      try {
        op = MAPPER.readTree(l.text());
      } catch (JsonProcessingException e) {
        if (JournalFile.isTorn(l.text(), e)) {
          org.slf4j.LoggerFactory.getLogger(JournalStorage.class)
              .warn(
                  "journal "
                      + file.path()
                      + ": line "
                      + l.number()
                      + " is a record cut short (its writer was killed while appending): skipped");
          continue;
        }
        throw new StorageException(
            "cannot read journal "
                + file.path()
                + ": line "
                + l.number()
                + " is not valid JSON ("
                + e.getOriginalMessage()
                + "); nothing was changed, the lines after it are kept; "
                + "repair or delete that line");
      }
      replay.apply(op, l.number(), file.path().toString());
    }
  }

  private ObjectNode op(int code) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("op_code", code);
    n.put("worker_id", workerId);
    return n;
  }

  private String now() {
    return JournalTime.format(clock.instant());
  }

  /**
   * Appends operations under the file lock, after replaying to the end; {@code check} may veto. The
   * operations are then replayed from the nodes written (the file need not be read back).
   */
  private boolean appendLocked(
      java.util.function.BooleanSupplier check, List<? extends JournalOp> ops) {
    file.lock();
    try {
      sync();
      if (!check.getAsBoolean()) {
        return false;
      }
      List<String> lines = new ArrayList<>(ops.size());
      for (JournalOp o : ops) {
        lines.add(o.line());
      }
      long first = file.append(lines);
      if (first == 0) {
        sync();
      } else {
        for (int i = 0; i < ops.size(); i++) {
          ops.get(i)
              .applyTo(
                  replay, first + i, file.path().toString()); // what was written, not parsed back
        }
      }
      return true;
    } finally {
      file.unlock();
    }
  }

  private <T> T locked(java.util.function.Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private JournalReplay.Study study(long studyId) {
    JournalReplay.Study s = replay.studies.get(studyId);
    if (s == null) {
      throw new StorageException("no study with id " + studyId + " in this storage");
    }
    return s;
  }

  private JournalReplay.Trial trialRow(long trialId) {
    if (trialId < 0 || trialId >= replay.trials.size()) {
      throw new StorageException("no trial with id " + trialId + " in this storage");
    }
    return replay.trials.get((int) trialId);
  }

  @Override
  public long createStudy(String name, List<StudyDirection> dirs) {
    requireArgument(
        name != null && !name.isBlank(), "study name must be non-empty, but got '%s'", name);
    requireArgument(
        dirs != null && !dirs.isEmpty(), "a study needs at least one direction, but got %s", dirs);
    return locked(
        () -> {
          ObjectNode o = op(0);
          o.put("study_name", name);
          var a = o.putArray("directions");
          dirs.forEach(d -> a.add(d == StudyDirection.MAXIMIZE ? 2 : 1));
          if (!appendLocked(() -> replay.find(name) == null, List.of(new JournalOp.Tree(o)))) {
            throw new DuplicateStudyException(name);
          }
          return replay.find(name).id;
        });
  }

  @Override
  public Optional<Long> findStudy(String name) {
    return locked(
        () -> {
          sync();
          JournalReplay.Study s = replay.find(name);
          return s == null ? Optional.<Long>empty() : Optional.of(s.id);
        });
  }

  @Override
  public List<StudySummary> studies() {
    return locked(
        () -> {
          sync();
          List<StudySummary> out = new ArrayList<>();
          for (JournalReplay.Study s : replay.studies.values()) {
            out.add(new StudySummary(s.id, s.name, s.directions, s.trialIds.size()));
          }
          out.sort(Comparator.comparing(StudySummary::name));
          return out;
        });
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    return locked(
        () -> {
          if (!replay.studies.containsKey(studyId)) {
            sync();
          }
          return study(studyId).directions;
        });
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    requireNonNull(key, "key");
    locked(
        () -> {
          ObjectNode o = op(3);
          o.put("study_id", studyId);
          o.putObject("system_attr").set(key, MAPPER.valueToTree(value));
          if (!appendLocked(
              () -> replay.studies.containsKey(studyId), List.of(new JournalOp.Tree(o)))) {
            throw new StorageException("no study with id " + studyId + " in this storage");
          }
          return null;
        });
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return locked(
        () -> {
          sync();
          return Map.copyOf(study(studyId).systemAttrs);
        });
  }

  /**
   * @return the user attributes of a study (Optuna's {@code study.user_attrs}), for copying
   */
  public Map<String, Object> studyUserAttrs(long studyId) {
    return locked(
        () -> {
          sync();
          return Map.copyOf(study(studyId).userAttrs);
        });
  }

  @Override
  public void deleteStudy(long studyId) {
    locked(
        () -> {
          ObjectNode o = op(1);
          o.put("study_id", studyId);
          if (!appendLocked(
              () -> replay.studies.containsKey(studyId), List.of(new JournalOp.Tree(o)))) {
            throw new StorageException("no study with id " + studyId + " in this storage");
          }
          return null;
        });
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    requireNonNull(fixedParams, "fixedParams");
    return locked(
        () -> {
          JournalOp create;
          if (waiting || !fixedParams.isEmpty()) {
            ObjectNode o = op(4);
            o.put("study_id", studyId);
            o.put("state", waiting ? 4 : 0);
            o.putNull("value");
            o.putNull("values");
            if (waiting) {
              o.putNull("datetime_start");
            } else {
              o.put("datetime_start", now());
            }
            o.putObject("distributions");
            o.putObject("params");
            o.putObject("user_attrs");
            ObjectNode sys = o.putObject("system_attrs");
            if (!fixedParams.isEmpty()) {
              sys.set("fixed_params", MAPPER.valueToTree(fixedParams));
            }
            o.putObject("intermediate_values");
            create = new JournalOp.Tree(o);
          } else {
            create = new JournalOp.CreateRunning(workerId, studyId, clock.instant());
          }
          if (!appendLocked(() -> replay.studies.containsKey(studyId), List.of(create))) {
            throw new StorageException("no study with id " + studyId + " in this storage");
          }
          JournalReplay.Study s = replay.studies.get(studyId);
          FrozenTrial t =
              replay.trials.get(s.trialIds.get(s.trialIds.size() - 1).intValue()).frozen();
          if (!waiting) {
            pending.put(t.id(), new ArrayList<>());
          }
          return t;
        });
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    return locked(
        () -> {
          sync();
          Long candidate = firstWaiting(studyId);
          if (candidate == null) {
            return Optional.<FrozenTrial>empty();
          }
          long[] chosen = {-1};
          ObjectNode o = op(6);
          boolean won =
              appendLocked(
                  () -> {
                    Long id = firstWaiting(studyId);
                    if (id == null) {
                      return false;
                    }
                    chosen[0] = id;
                    o.put("trial_id", id);
                    o.put("state", 0);
                    o.putNull("values");
                    o.put("datetime_start", now());
                    return true;
                  },
                  List.of(new JournalOp.Tree(o)));
          if (!won) {
            return Optional.<FrozenTrial>empty();
          }
          pending.put(chosen[0], new ArrayList<>());
          return Optional.of(trialRow(chosen[0]).frozen());
        });
  }

  private Long firstWaiting(long studyId) {
    JournalReplay.Study s = replay.studies.get(studyId);
    if (s == null || s.waiting == 0) {
      return null;
    }
    for (long id : s.trialIds) {
      if (replay.trials.get((int) id).state == TrialState.WAITING) {
        return id;
      }
    }
    return null;
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    requireNonNull(name, "name");
    requireNonNull(distribution, "distribution");
    writeWhileRunning(
        trialId, new JournalOp.Param(workerId, trialId, name, internal, distribution));
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    JournalOp o = new JournalOp.Intermediate(workerId, trialId, step, value);
    locked(
        () -> {
          if (reported(trialId, step)) {
            return null; // the first report of a step is kept
          }
          writeWhileRunning(trialId, o);
          return null;
        });
  }

  private boolean reported(long trialId, int step) {
    sync();
    if (trialRow(trialId).intermediate.containsKey(step)) {
      return true;
    }
    List<JournalOp> p = pending.get(trialId);
    if (p != null) {
      for (JournalOp n : p) {
        if (n instanceof JournalOp.Intermediate i && i.step() == step) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Buffers a write to a trial this process runs; appends it at once to any other RUNNING trial.
   */
  private void writeWhileRunning(long trialId, JournalOp o) {
    locked(
        () -> {
          List<JournalOp> p = pending.get(trialId);
          if (p != null) {
            p.add(o);
            return null;
          }
          boolean ok =
              appendLocked(
                  () ->
                      trialRow(trialId).state == TrialState.RUNNING
                          || trialRow(trialId).state == TrialState.WAITING,
                  List.of(o));
          if (!ok) {
            JournalReplay.Trial t = trialRow(trialId);
            throw new IllegalStateException(
                "trial " + t.number + " is " + t.state + "; only a RUNNING trial can be written");
          }
          return null;
        });
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    setAttr(8, "user_attr", trialId, key, value);
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    setAttr(9, "system_attr", trialId, key, value);
  }

  private void setAttr(int code, String field, long trialId, String key, Object value) {
    requireNonNull(key, "key");
    ObjectNode o = op(code);
    o.put("trial_id", trialId);
    o.putObject(field).set(key, MAPPER.valueToTree(Json.read(Json.write(value))));
    locked(
        () -> {
          List<JournalOp> p = pending.get(trialId);
          if (p != null) {
            p.add(new JournalOp.Tree(o));
            return null;
          }
          sync();
          trialRow(trialId);
          appendLocked(() -> true, List.of(new JournalOp.Tree(o)));
          return null;
        });
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    requireArgument(
        state != null && state.isFinished(),
        "finishTrial needs COMPLETE, PRUNED or FAIL, but got %s",
        state);
    requireNonNull(values, "values");
    return locked(
        () -> {
          List<JournalOp> ops = new ArrayList<>();
          List<JournalOp> p = pending.remove(trialId);
          if (p != null) {
            ops.addAll(p);
          }
          ops.add(
              new JournalOp.Finish(workerId, trialId, state, List.copyOf(values), clock.instant()));
          return appendLocked(() -> trialRow(trialId).state == TrialState.RUNNING, ops);
        });
  }

  @Override
  public FrozenTrial trial(long trialId) {
    return locked(
        () -> {
          sync();
          return overlay(trialRow(trialId));
        });
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    return locked(
        () -> {
          sync();
          JournalReplay.Study s = study(studyId);
          List<FrozenTrial> out = new ArrayList<>(s.trialIds.size());
          for (long id : s.trialIds) {
            JournalReplay.Trial t = replay.trials.get((int) id);
            if (states == null || states.contains(t.state)) {
              out.add(overlay(t));
            }
          }
          return out;
        });
  }

  @Override
  public int countTrials(long studyId, Set<TrialState> states) {
    return locked(
        () -> {
          sync();
          JournalReplay.Study s = study(studyId);
          if (states == null) {
            return s.trialIds.size();
          }
          int n = 0;
          for (long id : s.trialIds) {
            n += states.contains(replay.trials.get((int) id).state) ? 1 : 0;
          }
          return n;
        });
  }

  /**
   * @return the trial with this process's unappended writes on top, while it is RUNNING
   */
  private FrozenTrial overlay(JournalReplay.Trial t) {
    List<JournalOp> p = pending.get(t.id);
    if (p == null || p.isEmpty() || t.state != TrialState.RUNNING) {
      return t.frozen();
    }
    JournalReplay scratch = new JournalReplay();
    JournalReplay.Trial copy = new JournalReplay.Trial(t.id, t.studyId, t.number);
    copy.state = t.state;
    copy.params.putAll(t.params);
    copy.distributions.putAll(t.distributions);
    copy.values = t.values;
    copy.intermediate.putAll(t.intermediate);
    copy.userAttrs.putAll(t.userAttrs);
    copy.systemAttrs.putAll(t.systemAttrs);
    copy.start = t.start;
    copy.complete = t.complete;
    for (int i = 0; i < t.id; i++) {
      scratch.trials.add(null);
    }
    scratch.trials.add(copy);
    for (JournalOp o : p) {
      o.applyTo(scratch, 0, file.path().toString());
    }
    return copy.frozen();
  }

  @Override
  public void close() {
    locked(
        () -> {
          for (Map.Entry<Long, List<JournalOp>> e : pending.entrySet()) {
            long id = e.getKey();
            if (!e.getValue().isEmpty()) {
              appendLocked(() -> trialRow(id).state == TrialState.RUNNING, e.getValue());
            }
          }
          pending.clear();
          file.close();
          return null;
        });
  }
}
