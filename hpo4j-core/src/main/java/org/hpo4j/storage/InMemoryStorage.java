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

  /**
   * The study of each trial by id - 1 (ids are handed out in order from 1); null once it is
   * deleted.
   */
  private final List<StudyRecord> studyOfTrial = new ArrayList<>();

  /** The number of each trial in its study, by id - 1. */
  private int[] numberOfTrial = new int[16];

  private long nextStudyId = 1;
  private long nextTrialId = 1;

  InMemoryStorage(Clock clock) {
    this.clock = clock;
  }

  private static final class StudyRecord {
    final long id;
    final String name;
    final List<StudyDirection> directions;
    int size;

    /**
     * Snapshot of each trial by number; null where a write made it stale (see {@link
     * TrialRecord#touch}).
     */
    FrozenTrial[] frozen = new FrozenTrial[16];

    /**
     * The record of each trial by number while it is unfinished or written since its last snapshot;
     * null for a finished trial, which lives in {@link #frozen} alone (a write revives its record).
     */
    TrialRecord[] live = new TrialRecord[16];

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

    /** Revives the record of a finished trial from its snapshot, for a write. */
    TrialRecord(StudyRecord study, FrozenTrial snapshot) {
      this.id = snapshot.id();
      this.study = study;
      this.number = snapshot.number();
      this.state = snapshot.state();
      this.values = snapshot.values();
      this.start = snapshot.start();
      this.complete = snapshot.complete();
      this.snapshot = snapshot;
    }

    /**
     * Makes the working copies writable (from the snapshot when there is one) and the snapshot
     * stale.
     */
    TrialRecord thaw() {
      if (params == null) {
        params = new LinkedHashMap<>(snapshot.internalParams());
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
      return params != null ? params : snapshot.internalParams();
    }

    SortedMap<Integer, Double> intermediate() {
      return intermediate != null ? intermediate : snapshot.intermediateValues();
    }

    FrozenTrial freeze() {
      if (snapshot == null) {
        if (params == null) {
          thaw();
        }
        snapshot =
            new FrozenTrial(
                number,
                id,
                state,
                params,
                distributions,
                values,
                intermediate,
                userAttrs,
                systemAttrs,
                start,
                complete);
      }
      study.frozen[number] = snapshot;
      if (state.isFinished()) { // rarely written again: keep the compact snapshot only
        study.live[number] = null;
      }
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
        out.add(new StudySummary(s.id, s.name, s.directions, s.size));
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
      for (int i = 0; i < s.size; i++) {
        studyOfTrial.set((int) (record(s, i).id - 1), null);
      }
      studies.remove(studyId);
      studyByName.remove(s.name);
    }
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    synchronized (lock) {
      StudyRecord s = study(studyId);
      int number = s.size;
      if (number == s.frozen.length) {
        s.frozen = Arrays.copyOf(s.frozen, 2 * number);
        s.live = Arrays.copyOf(s.live, 2 * number);
      }
      TrialRecord t =
          new TrialRecord(
              nextTrialId++, s, number, waiting ? TrialState.WAITING : TrialState.RUNNING);
      if (!waiting) {
        t.start = clock.instant();
      }
      if (!fixedParams.isEmpty()) {
        t.thaw().systemAttrs.put("fixed_params", new LinkedHashMap<>(fixedParams));
      }
      s.live[number] = t;
      s.size++;
      if (waiting) {
        s.waiting.add(t);
      }
      studyOfTrial.add(s);
      if (studyOfTrial.size() > numberOfTrial.length) {
        numberOfTrial = Arrays.copyOf(numberOfTrial, 2 * numberOfTrial.length);
      }
      numberOfTrial[studyOfTrial.size() - 1] = number;
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
      int n = s.size;
      FrozenTrial[] frozen = s.frozen;
      for (int i = 0; i < n; i++) {
        if (frozen[i] == null) {
          s.live[i].freeze();
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
      StudyRecord s = study(studyId);
      if (states == null) {
        return s.size;
      }
      int n = 0;
      for (int i = 0; i < s.size; i++) {
        n += states.contains(s.live[i] != null ? s.live[i].state : s.frozen[i].state()) ? 1 : 0;
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
    StudyRecord s =
        trialId >= 1 && trialId <= studyOfTrial.size()
            ? studyOfTrial.get((int) (trialId - 1))
            : null;
    if (s == null) {
      throw new StorageException("no trial with id " + trialId + " in this in-memory storage");
    }
    return record(s, numberOfTrial[(int) (trialId - 1)]);
  }

  /**
   * @return the record of trial {@code number}, revived from its snapshot when it was dropped
   */
  private static TrialRecord record(StudyRecord s, int number) {
    TrialRecord t = s.live[number];
    if (t == null) {
      t = new TrialRecord(s, s.frozen[number]);
      s.live[number] = t;
    }
    return t;
  }

  private TrialRecord running(long trialId) {
    TrialRecord t = trial0(trialId);
    requireState(
        t.state == TrialState.RUNNING,
        "trial %s is %s; only a RUNNING trial can be written",
        t.number,
        t.state);
    return t;
  }
}
