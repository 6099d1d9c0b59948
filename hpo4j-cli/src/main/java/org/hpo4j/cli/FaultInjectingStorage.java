package org.hpo4j.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.FaultPoint;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The fault-injection suite's storage: passes every call on and, after a trial's creation, a
 * parameter write or a finish has reached the storage, lets {@link FaultPoint} halt the process
 * before the caller learns of it. Used only when the system property {@code hpo4j.fault} is set.
 */
final class FaultInjectingStorage implements Storage {
  private final Storage s;

  private FaultInjectingStorage(Storage s) {
    this.s = s;
  }

  /**
   * @return {@code s} itself unless the suite armed a fault point
   */
  static Storage wrap(Storage s) {
    String p = System.getProperty("hpo4j.fault");
    return p == null || p.isBlank() ? s : new FaultInjectingStorage(s);
  }

  @Override
  public long createStudy(String name, List<StudyDirection> directions) {
    return s.createStudy(name, directions);
  }

  @Override
  public Optional<Long> findStudy(String name) {
    return s.findStudy(name);
  }

  @Override
  public List<StudySummary> studies() {
    return s.studies();
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    return s.directions(studyId);
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    s.setStudySystemAttr(studyId, key, value);
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return s.studySystemAttrs(studyId);
  }

  @Override
  public void deleteStudy(long studyId) {
    s.deleteStudy(studyId);
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    FrozenTrial t = s.createTrial(studyId, fixedParams, waiting);
    if (!waiting) {
      FaultPoint.reached("create");
    }
    return t;
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    Optional<FrozenTrial> t = s.claimWaitingTrial(studyId);
    if (t.isPresent()) {
      FaultPoint.reached("create");
    }
    return t;
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    s.setParam(trialId, name, internal, distribution);
    FaultPoint.reached("param");
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    s.setIntermediateValue(trialId, step, value);
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    s.setUserAttr(trialId, key, value);
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    s.setSystemAttr(trialId, key, value);
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    boolean won = s.finishTrial(trialId, state, values);
    if (won) {
      FaultPoint.reached("finish");
    }
    return won;
  }

  @Override
  public FrozenTrial trial(long trialId) {
    return s.trial(trialId);
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    return s.trials(studyId, states);
  }

  @Override
  public int countTrials(long studyId, Set<TrialState> states) {
    return s.countTrials(studyId, states);
  }

  @Override
  public void heartbeat(long trialId) {
    s.heartbeat(trialId);
  }

  @Override
  public List<FrozenTrial> failStaleTrials(long studyId) {
    return s.failStaleTrials(studyId);
  }

  @Override
  public void close() {
    s.close();
  }
}
