package org.hpo4j.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.storage.TransientStorageException;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * An in-memory storage with faults injected on demand: an outage (every call fails transiently
 * while it lasts), finishes that fail before or after committing, a stale-trial sweep that fails a
 * trial just before its worker's finish, and trials whose creation a "server crash" lost.
 */
final class FaultyStorage implements Storage {
  final Storage inner;

  /** Calls still to fail transiently before reaching the storage, per kind ("create", "finish"). */
  final Map<String, Integer> failBefore = new ConcurrentHashMap<>();

  /** Finishes still to fail transiently after they committed (the answer is lost). */
  volatile int failAfterFinish;

  /** Trials to fail as a sweep would, just before their own finish arrives. */
  volatile LongPredicate sweepBeforeFinish = id -> false;

  /** Trial ids the storage has "lost". */
  final Set<Long> lost = ConcurrentHashMap.newKeySet();

  /** Trial ids to lose at their finish. */
  volatile LongPredicate loseAtFinish = id -> false;

  FaultyStorage(Storage inner) {
    this.inner = inner;
  }

  private void maybeFail(String kind) {
    if (failBefore.getOrDefault(kind, 0) > 0) {
      failBefore.merge(kind, -1, Integer::sum);
      throw new TransientStorageException(
          "storage 'faulty' failed while " + kind + ": the server cannot be reached");
    }
  }

  private void requireKnown(long trialId) {
    if (lost.contains(trialId)) {
      throw new StorageException("no trial with id " + trialId + " in this storage");
    }
  }

  @Override
  public long createStudy(String name, List<org.hpo4j.study.StudyDirection> directions) {
    return inner.createStudy(name, directions);
  }

  @Override
  public Optional<Long> findStudy(String name) {
    return inner.findStudy(name);
  }

  @Override
  public List<StudySummary> studies() {
    return inner.studies();
  }

  @Override
  public List<org.hpo4j.study.StudyDirection> directions(long studyId) {
    return inner.directions(studyId);
  }

  @Override
  public void deleteStudy(long studyId) {
    inner.deleteStudy(studyId);
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    maybeFail("create");
    return inner.createTrial(studyId, fixedParams, waiting);
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    maybeFail("claim");
    return inner.claimWaitingTrial(studyId);
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    requireKnown(trialId);
    inner.setParam(trialId, name, internal, distribution);
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    requireKnown(trialId);
    inner.setIntermediateValue(trialId, step, value);
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    requireKnown(trialId);
    inner.setUserAttr(trialId, key, value);
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    requireKnown(trialId);
    inner.setSystemAttr(trialId, key, value);
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    if (loseAtFinish.test(trialId)) {
      lost.add(trialId);
    }
    requireKnown(trialId);
    if (sweepBeforeFinish.test(trialId) && inner.trial(trialId).state() == TrialState.RUNNING) {
      inner.setSystemAttr(trialId, "fail_reason", "its worker stopped sending heartbeats");
      inner.finishTrial(trialId, TrialState.FAIL, List.of());
    }
    maybeFail("finish");
    boolean changed = inner.finishTrial(trialId, state, values);
    if (failAfterFinish > 0) {
      failAfterFinish--;
      throw new TransientStorageException(
          "storage 'faulty' failed while finishing a trial: connection reset");
    }
    return changed;
  }

  @Override
  public FrozenTrial trial(long trialId) {
    maybeFail("read");
    requireKnown(trialId);
    return inner.trial(trialId);
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    maybeFail("read");
    return inner.trials(studyId, states).stream().filter(t -> !lost.contains(t.id())).toList();
  }
}
