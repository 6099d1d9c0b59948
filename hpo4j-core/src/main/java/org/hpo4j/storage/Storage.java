package org.hpo4j.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The single source of truth of every study: the only state that must survive a crash. Creating a
 * trial number, writing a parameter and changing a state are each atomic, so any number of threads
 * (and, for the JDBC storages, processes on other machines) may share one study.
 *
 * <p>Thread-safe. A returned {@link FrozenTrial} never changes after a later write. Every storage
 * passes {@code StorageContractTest} of hpo4j-testing.
 */
public interface Storage extends AutoCloseable {

  /**
   * Creates a study.
   *
   * @return its id
   * @throws DuplicateStudyException when a study of that name exists
   */
  long createStudy(String name, List<StudyDirection> directions);

  /**
   * @return the id of the study named {@code name}, if any
   */
  Optional<Long> findStudy(String name);

  /**
   * @return every study in this storage, by name
   */
  List<StudySummary> studies();

  /**
   * @return the directions of a study, one per objective
   */
  List<StudyDirection> directions(long studyId);

  /**
   * Stores an attribute of a study (JSON-like value), replacing any of the same key: what a process
   * joining the study needs to rebuild it, e.g. the study file the CLI ran it from.
   *
   * @throws StorageException when there is no such study
   * @throws UnsupportedOperationException when this storage keeps no study attributes (the default)
   */
  default void setStudySystemAttr(long studyId, String key, Object value) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " keeps no study attributes");
  }

  /**
   * @return the attributes of a study, by key (empty when none, or when this storage keeps none)
   * @throws StorageException when there is no such study
   */
  default Map<String, Object> studySystemAttrs(long studyId) {
    return Map.of();
  }

  /** Deletes a study and all its trials. */
  void deleteStudy(long studyId);

  /**
   * Creates a trial in state RUNNING (or WAITING when {@code fixedParams} is to be enqueued),
   * allocating the next trial number of the study without gaps or duplicates.
   *
   * @param fixedParams user values a sampler must honour (from {@code enqueueTrial}), possibly
   *     empty; kept as the system attribute {@code fixed_params}
   * @param waiting create the trial WAITING instead of RUNNING
   */
  FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting);

  /**
   * Atomically moves the oldest WAITING trial of a study to RUNNING, so two workers never take the
   * same one.
   */
  Optional<FrozenTrial> claimWaitingTrial(long studyId);

  /**
   * Records a parameter of a RUNNING trial.
   *
   * @throws IllegalStateException when the trial is finished
   */
  void setParam(long trialId, String name, double internal, Distribution distribution);

  /**
   * Records an intermediate value of a RUNNING trial; a step already reported is kept as it was.
   */
  void setIntermediateValue(long trialId, int step, double value);

  /** Stores a user attribute (JSON-like value). */
  void setUserAttr(long trialId, String key, Object value);

  /** Stores a system attribute (JSON-like value). */
  void setSystemAttr(long trialId, String key, Object value);

  /**
   * Compare-and-set finish: moves a RUNNING trial to {@code state} with its values.
   *
   * @return false, changing nothing, when the trial was not RUNNING (finished by someone else)
   */
  boolean finishTrial(long trialId, TrialState state, List<Double> values);

  /**
   * @return a snapshot of one trial
   */
  FrozenTrial trial(long trialId);

  /**
   * @return snapshots of the study's trials in {@code states} (all when null), by number
   */
  List<FrozenTrial> trials(long studyId, Set<TrialState> states);

  /**
   * @return the number of trials of a study in {@code states} (all when null)
   */
  default int countTrials(long studyId, Set<TrialState> states) {
    return trials(studyId, states).size();
  }

  /** Records that the worker running this trial is alive. No-op where workers cannot die apart. */
  default void heartbeat(long trialId) {}

  /**
   * Marks as FAIL the RUNNING trials whose heartbeat is older than the storage's grace period.
   *
   * @return the trials it failed
   */
  default List<FrozenTrial> failStaleTrials(long studyId) {
    return List.of();
  }

  /** Releases connections and files. */
  @Override
  default void close() {}
}
