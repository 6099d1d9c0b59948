package org.hpo4j.study;

import java.util.List;
import java.util.Map;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StorageFaults;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a trial so that a result that exists is never thrown away. A finish that fails for a
 * transient reason is retried ({@link Retry}); since a failed call may still have committed, the
 * trial is re-read after any failure and that decides: finished with our state and values means our
 * finish landed; finished otherwise means someone else finished it (the stale-trial sweep failed it
 * while this worker was paused past the grace period) and our result is dropped; missing (or its id
 * now names another trial) means a crash of the database server lost the trial's creation, and the
 * result is recorded again as a new trial with the same parameters, intermediate values and
 * attributes.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
final class TrialFinish {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);
  private static final int MAX_RECORDINGS = 3;

  /**
   * @param trial the trial as stored after the finish
   * @param ours whether this finish (or an earlier attempt of it) finished it
   */
  record Outcome(FrozenTrial trial, boolean ours) {}

  private final Storage storage;
  private final long studyId;
  private final String studyName;
  private final Retry retry;

  TrialFinish(Storage storage, long studyId, String studyName, Retry retry) {
    this.storage = storage;
    this.studyId = studyId;
    this.studyName = studyName;
    this.retry = retry;
  }

  /**
   * @throws StorageException when the storage refuses the finish for a reason that is not
   *     transient, or stays unreachable past the retry's patience
   */
  Outcome finish(StudyTrial st, TrialState state, List<Double> values) {
    long id = st.id();
    int number = st.number();
    for (int recording = 0; ; recording++) {
      Outcome o = attempt(id, number, state, values);
      if (o != null) {
        return o;
      }
      if (recording >= MAX_RECORDINGS) {
        throw new StorageException(
            "trial "
                + number
                + " of study '"
                + studyName
                + "' vanished from the storage "
                + MAX_RECORDINGS
                + " times while being recorded; its result "
                + values
                + " is not stored");
      }
      FrozenTrial again = recordAgain(st, number);
      LOG.warn(
          "trial "
              + number
              + " of study '"
              + studyName
              + "' is no longer in the storage "
              + "(a crash of the database server lost its creation); its result is recorded as trial "
              + again.number());
      id = again.id();
      number = again.number();
    }
  }

  /**
   * @return the outcome, or null when the trial is not (or no longer) in the storage
   */
  private Outcome attempt(long id, int number, TrialState state, List<Double> values) {
    boolean[] landed = {false};
    boolean[] ambiguous = {false};
    Object[] vanished = {null};
    Outcome o =
        retry.call(
            "finishing trial " + number + " of study '" + studyName + "'",
            () -> {
              RuntimeException refused = null;
              if (!landed[0]) {
                try {
                  landed[0] = storage.finishTrial(id, state, values);
                } catch (RuntimeException e) {
                  if (StorageFaults.isTransient(e)) {
                    ambiguous[0] = true; // it may have committed: the next attempt re-reads
                    throw e;
                  }
                  if (!(e instanceof StorageException)) {
                    throw e;
                  }
                  refused = e;
                }
              }
              FrozenTrial now = find(id);
              if (landed[0]) {
                return new Outcome(now, true);
              }
              if (now == null || now.number() != number) {
                vanished[0] = Boolean.TRUE;
                return null;
              }
              if (ambiguous[0] && now.state() == state && now.values().equals(values)) {
                return new Outcome(now, true);
              }
              if (refused != null && now.state() == TrialState.RUNNING) {
                throw refused;
              }
              return new Outcome(now, false);
            });
    return vanished[0] != null ? null : o;
  }

  /**
   * @return the trial, or null when the storage has none with that id
   */
  private FrozenTrial find(long id) {
    try {
      return storage.trial(id);
    } catch (StorageException e) {
      if (StorageFaults.isTransient(e)) {
        throw e;
      }
      return null;
    }
  }

  /** Creates a RUNNING trial holding everything {@code st} wrote; the caller finishes it. */
  private FrozenTrial recordAgain(StudyTrial st, int lostNumber) {
    FrozenTrial t =
        retry.call(
            "recording a lost trial of study '" + studyName + "'",
            () -> storage.createTrial(studyId, Map.of(), false));
    retry.run(
        "recording a lost trial of study '" + studyName + "'",
        () -> {
          st.writtenParams()
              .forEach((name, v) -> storage.setParam(t.id(), name, v, st.distribution(name)));
          st.writtenIntermediate()
              .forEach((step, v) -> storage.setIntermediateValue(t.id(), step, v));
          st.writtenUserAttrs().forEach((k, v) -> storage.setUserAttr(t.id(), k, v));
          st.writtenSystemAttrs().forEach((k, v) -> storage.setSystemAttr(t.id(), k, v));
          storage.setSystemAttr(t.id(), "recorded_for_lost_trial", lostNumber);
        });
    return t;
  }
}
