package org.hpo4j.storage;

import static org.hpo4j.Checks.requireState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Storage in the heap, for tests, notebooks and single-process runs. One lock guards everything;
 * each study keeps an array of its trials' last snapshots, so reading the history after one write
 * re-freezes one trial and copies an array of references, and a finished trial is held only as its
 * compact snapshot.
 *
 * <p>Thread-safe. Lost when the JVM exits.
 */
final class InMemoryStorage implements Storage {

  private final Object lock = new Object();
  private final Clock clock;
  private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
  private final Map<String, Long> studyByName = new HashMap<>();
  /** Trials by id - 1 (ids are handed out in order from 1); null once their study is deleted. */
  private final List<TrialRecord> trialsById = new ArrayList<>();
  private long nextStudyId = 1;
  private long nextTrialId = 1;

  InMemoryStorage(Clock clock) {
    this.clock = clock;
  }

  private static final class StudyRecord {
    final long id;
    final String name;
    final List<StudyDirection> directions;
    final List<TrialRecord> trials = new ArrayList<>();
    /** Snapshot of each trial by number; null where a write made it stale (see {@link TrialRecord#touch}). */
    FrozenTrial[] frozen = new FrozenTrial[16];
    final java.util.ArrayDeque<TrialRecord> waiting = new java.util.ArrayDeque<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    StudyRecord(long id, String name, List<StudyDirection> directions) {
      this.id = id;
      this.name = name;
      this.directions = List.copyOf(directions);
    }
  }

  /**
   * One trial. Its parameters, values and attributes live in its last snapshot; the mutable maps
   * exist only between a write and the next read ({@link #thaw}, {@link #freeze}), so a finished
   * trial is kept once, as its compact {@link FrozenTrial}, not twice.
   */
  private static final class TrialRecord {
    final long id;
    final StudyRecord study;
    final int number;
    TrialState state;
    List<Double> values = List.of();
    Instant start;
    Instant complete;
    FrozenTrial snapshot;
    /** Working copies while the snapshot is stale; null otherwise. */
    private Map<String, Double> params;
    private Map<String, Distribution> distributions;
    private SortedMap<Integer, Double> intermediate;
    private Map<String, Object> userAttrs;
    private Map<String, Object> systemAttrs;

    TrialRecord(long id, StudyRecord study, int number, TrialState state) {
      this.id = id;
      this.study = study;
      this.number = number;
      this.state = state;
      this.params = new LinkedHashMap<>();
      this.distributions = new LinkedHashMap<>();
      this.intermediate = new TreeMap<>();
      this.userAttrs = new LinkedHashMap<>();
      this.systemAttrs = new LinkedHashMap<>();
    }

    /** Makes the working copies writable (from the snapshot when there is one) and the snapshot stale. */
    TrialRecord thaw() {
      if (params == null) {
        params = new LinkedHashMap<>(snapshot.params());
        distributions = new LinkedHashMap<>(snapshot.distributions());
        intermediate = new TreeMap<>(snapshot.intermediateValues());
        userAttrs = new LinkedHashMap<>(snapshot.userAttrs());
        systemAttrs = new LinkedHashMap<>(snapshot.systemAttrs());
      }
      touch();
      return this;
    }

    /** Marks the snapshot stale after a change of state, values or times. */
    void touch() {
      snapshot = null;
      study.frozen[number] = null;
    }

    Map<String, Double> params() {
      return params != null ? params : snapshot.params();
    }

    SortedMap<Integer, Double> intermediate() {
      return intermediate != null ? intermediate : snapshot.intermediateValues();
    }

    FrozenTrial freeze() {
      if (snapshot == null) {
        if (params == null) {
          thaw();
        }
        snapshot = new FrozenTrial(number, id, state, params, distributions, values, intermediate,
            userAttrs, systemAttrs, start, complete);
        if (state.isFinished()) { // rarely written again: keep the compact snapshot only
          params = null;
          distributions = null;
          intermediate = null;
          userAttrs = null;
          systemAttrs = null;
        }
      }
      study.frozen[number] = snapshot;
      return snapshot;
    }
  }

  @Override
  public long createStudy(String name, List<StudyDirection> directions) {
    synchronized (lock) {
      if (studyByName.containsKey(name)) {
        throw new DuplicateStudyException(name);
      }
      long id = nextStudyId++;
      studies.put(id, new StudyRecord(id, name, directions));
      studyByName.put(name, id);
      return id;
    }
  }

  @Override
  public Optional<Long> findStudy(String name) {
    synchronized (lock) {
      return Optional.ofNullable(studyByName.get(name));
    }
  }

  @Override
  public List<StudySummary> studies() {
    synchronized (lock) {
      List<StudySummary> out = new ArrayList<>();
      for (StudyRecord s : studies.values()) {
        out.add(new StudySummary(s.id, s.name, s.directions, s.trials.size()));
      }
      return out;
    }
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    synchronized (lock) {
      return study(studyId).directions;
    }
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    org.hpo4j.Checks.requireNonNull(key, "key");
    synchronized (lock) {
      study(studyId).systemAttrs.put(key, value);
    }
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    synchronized (lock) {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).systemAttrs));
    }
  }

  @Override
  public void deleteStudy(long studyId) {
    synchronized (lock) {
      StudyRecord s = study(studyId);
      s.trials.forEach(t -> trialsById.set((int) (t.id - 1), null));
      studies.remove(studyId);
      studyByName.remove(s.name);
    }
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    synchronized (lock) {
      StudyRecord s = study(studyId);
      int number = s.trials.size();
      if (number == s.frozen.length) {
        s.frozen = Arrays.copyOf(s.frozen, 2 * number);
      }
      TrialRecord t = new TrialRecord(nextTrialId++, s, number, waiting ? TrialState.WAITING : TrialState.RUNNING);
      if (!waiting) {
        t.start = clock.instant();
      }
      if (!fixedParams.isEmpty()) {
        t.thaw().systemAttrs.put("fixed_params", new LinkedHashMap<>(fixedParams));
      }
      s.trials.add(t);
      if (waiting) {
        s.waiting.add(t);
      }
      trialsById.add(t);
      return t.freeze();
    }
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    synchronized (lock) {
      TrialRecord t = study(studyId).waiting.poll();
      if (t == null) {
        return Optional.empty();
      }
      t.state = TrialState.RUNNING;
      t.start = clock.instant();
      t.touch();
      return Optional.of(t.freeze());
    }
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    synchronized (lock) {
      TrialRecord t = running(trialId).thaw();
      t.params.put(name, internal);
      t.distributions.put(name, distribution);
    }
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    synchronized (lock) {
      TrialRecord t = running(trialId);
      if (!t.intermediate().containsKey(step)) {
        t.thaw().intermediate.put(step, value);
      }
    }
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    synchronized (lock) {
      trial0(trialId).thaw().userAttrs.put(key, value);
    }
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    synchronized (lock) {
      trial0(trialId).thaw().systemAttrs.put(key, value);
    }
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    synchronized (lock) {
      TrialRecord t = trial0(trialId);
      if (t.state != TrialState.RUNNING) {
        return false;
      }
      t.state = state;
      t.values = List.copyOf(values);
      t.complete = clock.instant();
      t.touch();
      return true;
    }
  }

  @Override
  public FrozenTrial trial(long trialId) {
    synchronized (lock) {
      return trial0(trialId).freeze();
    }
  }

  /** Reads the study's snapshot array, re-freezing only the trials written since the last read. */
  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    synchronized (lock) {
      StudyRecord s = study(studyId);
      int n = s.trials.size();
      FrozenTrial[] frozen = s.frozen;
      for (int i = 0; i < n; i++) {
        if (frozen[i] == null) {
          s.trials.get(i).freeze();
        }
      }
      if (states == null) {
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(frozen, n)));
      }
      List<FrozenTrial> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (states.contains(frozen[i].state())) {
          out.add(frozen[i]);
        }
      }
      return out;
    }
  }

  @Override
  public int countTrials(long studyId, Set<TrialState> states) {
    synchronized (lock) {
      List<TrialRecord> all = study(studyId).trials;
      if (states == null) {
        return all.size();
      }
      int n = 0;
      for (TrialRecord t : all) {
        n += states.contains(t.state) ? 1 : 0;
      }
      return n;
    }
  }

  private StudyRecord study(long studyId) {
    StudyRecord s = studies.get(studyId);
    if (s == null) {
      throw new StorageException("no study with id " + studyId + " in this in-memory storage");
    }
    return s;
  }

  private TrialRecord trial0(long trialId) {
    TrialRecord t = trialId >= 1 && trialId <= trialsById.size() ? trialsById.get((int) (trialId - 1)) : null;
    if (t == null) {
      throw new StorageException("no trial with id " + trialId + " in this in-memory storage");
    }
    return t;
  }

  private TrialRecord running(long trialId) {
    TrialRecord t = trial0(trialId);
    requireState(t.state == TrialState.RUNNING,
        "trial %s is %s; only a RUNNING trial can be written", t.number, t.state);
    return t;
  }
}
