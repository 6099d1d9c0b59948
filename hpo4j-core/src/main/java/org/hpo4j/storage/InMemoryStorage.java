package org.hpo4j.storage;

import static org.hpo4j.Checks.requireState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * each trial caches its last snapshot so that reading the history after one write re-freezes one
 * trial, not all of them.
 *
 * <p>Thread-safe. Lost when the JVM exits.
 */
final class InMemoryStorage implements Storage {

  private final Object lock = new Object();
  private final Clock clock;
  private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
  private final Map<String, Long> studyByName = new HashMap<>();
  private final Map<Long, TrialRecord> trialsById = new HashMap<>();
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
    final java.util.ArrayDeque<TrialRecord> waiting = new java.util.ArrayDeque<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    StudyRecord(long id, String name, List<StudyDirection> directions) {
      this.id = id;
      this.name = name;
      this.directions = List.copyOf(directions);
    }
  }

  private static final class TrialRecord {
    final long id;
    final long studyId;
    final int number;
    TrialState state;
    final Map<String, Double> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    List<Double> values = List.of();
    final SortedMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    Instant start;
    Instant complete;
    FrozenTrial snapshot;

    TrialRecord(long id, long studyId, int number, TrialState state) {
      this.id = id;
      this.studyId = studyId;
      this.number = number;
      this.state = state;
    }

    FrozenTrial freeze() {
      if (snapshot == null) {
        snapshot = new FrozenTrial(number, id, state, params, distributions, values, intermediate,
            userAttrs, systemAttrs, start, complete);
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
      s.trials.forEach(t -> trialsById.remove(t.id));
      studies.remove(studyId);
      studyByName.remove(s.name);
    }
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    synchronized (lock) {
      StudyRecord s = study(studyId);
      TrialRecord t = new TrialRecord(nextTrialId++, studyId, s.trials.size(),
          waiting ? TrialState.WAITING : TrialState.RUNNING);
      if (!waiting) {
        t.start = clock.instant();
      }
      if (!fixedParams.isEmpty()) {
        t.systemAttrs.put("fixed_params", new LinkedHashMap<>(fixedParams));
      }
      s.trials.add(t);
      if (waiting) {
        s.waiting.add(t);
      }
      trialsById.put(t.id, t);
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
      t.snapshot = null;
      return Optional.of(t.freeze());
    }
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    synchronized (lock) {
      TrialRecord t = running(trialId);
      t.params.put(name, internal);
      t.distributions.put(name, distribution);
      t.snapshot = null;
    }
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    synchronized (lock) {
      TrialRecord t = running(trialId);
      if (t.intermediate.putIfAbsent(step, value) == null) {
        t.snapshot = null;
      }
    }
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    synchronized (lock) {
      TrialRecord t = trial0(trialId);
      t.userAttrs.put(key, value);
      t.snapshot = null;
    }
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    synchronized (lock) {
      TrialRecord t = trial0(trialId);
      t.systemAttrs.put(key, value);
      t.snapshot = null;
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
      t.snapshot = null;
      return true;
    }
  }

  @Override
  public FrozenTrial trial(long trialId) {
    synchronized (lock) {
      return trial0(trialId).freeze();
    }
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    synchronized (lock) {
      List<TrialRecord> all = study(studyId).trials;
      List<FrozenTrial> out = new ArrayList<>(all.size());
      for (TrialRecord t : all) {
        if (states == null || states.contains(t.state)) {
          out.add(t.freeze());
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
    TrialRecord t = trialsById.get(trialId);
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
