package org.hpo4j.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The driver's side of one {@code optimize} call: the budget of trial slots that long-running
 * executor tasks claim one at a time. A slot is granted only while the budget lasts and the study
 * is not stopped, and a task reports each finished trial before it claims the next, so the driver's
 * callbacks run (and may stop the study) before any new trial starts: {@code study.stop()} is
 * exact.
 *
 * <p>Faults: a task is known by (job, partition) and its Spark attempt. When a new attempt of a
 * task claims, the earlier attempt was lost (its executor died): its trial, still RUNNING, is
 * failed and its parameters enqueued, and its slot is granted again, so the budget counts it once;
 * a trial that finished though its report was lost counts as finished. A stale attempt (superseded)
 * is told to stop. When a job ends, trials its tasks still held are failed ({@link #jobEnded}).
 *
 * <p>Thread-safe: every method holds this object's lock, callbacks included.
 */
final class TrialRun {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SparkOptimizer.class);

  /** A granted slot and, once its task said so, the trial running in it. */
  private static final class InFlight {
    final int slot;
    long trialId = -1;

    InFlight(int slot) {
      this.slot = slot;
    }
  }

  private final Study study;
  private final int budget;
  private final List<Callback> callbacks;
  private final Progress progress;
  private final List<FrozenTrial> finished = new ArrayList<>();
  private final Map<String, InFlight> inFlight = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final ArrayDeque<Integer> again = new ArrayDeque<>();
  private int granted;
  private int settled;
  private RuntimeException callbackFailure;

  TrialRun(Study study, int budget, List<Callback> callbacks, Progress progress) {
    this.study = study;
    this.budget = budget;
    this.callbacks = callbacks;
    this.progress = progress;
  }

  /**
   * A task's claim, after reporting the trial of its previous slot ({@code doneSlot} &lt; 0: none).
   *
   * @return the slot to run next, or -1: stop
   */
  synchronized int next(int job, int task, int attempt, int doneSlot, long doneId) {
    String key = job + "/" + task;
    if (!current(key, attempt)) {
      return -1;
    }
    if (doneSlot >= 0) {
      InFlight f = inFlight.get(key);
      if (f != null && f.slot == doneSlot) {
        inFlight.remove(key);
        settle(study.storage().trial(doneId), attempt);
      }
    }
    if (study.isStopRequested() || (again.isEmpty() && granted >= budget)) {
      return -1;
    }
    int slot = again.isEmpty() ? granted++ : again.poll();
    inFlight.put(key, new InFlight(slot));
    return slot;
  }

  /** A task says which trial runs in its slot. */
  synchronized void started(int job, int task, int attempt, int slot, long trialId) {
    String key = job + "/" + task;
    InFlight f = inFlight.get(key);
    if (current(key, attempt) && f != null && f.slot == slot) {
      f.trialId = trialId;
    }
  }

  /**
   * @return whether {@code attempt} is the task's newest; a newer one settles the older one's slot
   */
  private boolean current(String key, int attempt) {
    Integer known = attempts.get(key);
    if (known != null && attempt < known) {
      return false;
    }
    if (known != null && attempt > known) {
      InFlight f = inFlight.remove(key);
      if (f != null) {
        recoverLost(f, known, attempt);
      }
    }
    attempts.put(key, attempt);
    return true;
  }

  private void recoverLost(InFlight f, int lostAttempt, int attempt) {
    if (f.trialId < 0) {
      again.add(
          f.slot); // lost before it said which trial: the storage's stale-trial sweep fails that
      // one
      return;
    }
    Storage storage = study.storage();
    FrozenTrial t = storage.trial(f.trialId);
    if (t.state() == TrialState.RUNNING) {
      storage.setSystemAttr(t.id(), TrialTask.LOST_ATTR, true);
      storage.setSystemAttr(
          t.id(),
          "fail_reason",
          "its Spark task attempt "
              + lostAttempt
              + " on executor "
              + t.systemAttrs().get(TrialTask.EXECUTOR_ATTR)
              + " was lost; attempt "
              + attempt
              + " re-runs its parameters as a new trial");
      if (storage.finishTrial(t.id(), TrialState.FAIL, List.of())) {
        study.enqueueTrial(t.params());
        progress.lost();
        again.add(f.slot);
        return;
      }
      t = storage.trial(f.trialId);
    }
    settle(t, attempt); // it finished: only its report was lost
  }

  private void settle(FrozenTrial t, int attempt) {
    settled++;
    finished.add(t);
    progress.finished(TaskOutcome.of(t, attempt, 0));
    for (Callback c : callbacks) {
      try {
        c.onTrialFinished(study, t);
      } catch (RuntimeException e) {
        if (callbackFailure == null) {
          callbackFailure = e;
        }
        study.stop();
      }
    }
  }

  /**
   * A job ended (done, failed or cancelled): its tasks hold no slot any more. A trial one still
   * held is failed when RUNNING (its slot is used up); a finished one counts, unless the job was
   * cancelled (its task was killed mid-trial, which made it FAIL).
   */
  synchronized void jobEnded(int job, boolean cancelled) {
    for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getKey().startsWith(job + "/")) {
        continue;
      }
      it.remove();
      InFlight f = e.getValue();
      settled++;
      if (f.trialId < 0) {
        continue;
      }
      FrozenTrial t = study.storage().trial(f.trialId);
      if (t.state() == TrialState.RUNNING || cancelled) {
        if (t.state() == TrialState.RUNNING) {
          failEnded(study.storage(), t.id());
        }
        progress.taskFailed();
      } else {
        settled--;
        settle(t, attempts.getOrDefault(e.getKey(), 0));
      }
    }
  }

  static void failEnded(Storage storage, long trialId) {
    storage.setSystemAttr(
        trialId, "fail_reason", "its Spark task ended (failed or cancelled) without finishing it");
    if (!storage.finishTrial(trialId, TrialState.FAIL, List.of())) {
      LOG.debug("trial id " + trialId + " finished meanwhile");
    }
  }

  /**
   * @return whether slots remain to run (budget left or slots to grant again, and no stop)
   */
  synchronized boolean more() {
    return !study.isStopRequested() && (granted < budget || !again.isEmpty());
  }

  /**
   * @return slots used up so far (trials finished, or failed with their task)
   */
  synchronized int settled() {
    return settled;
  }

  /**
   * @return slots not yet granted, plus slots to grant again
   */
  synchronized int remaining() {
    return budget - granted + again.size();
  }

  /**
   * @return the trials this run finished, in the order they were reported
   */
  synchronized List<FrozenTrial> finished() {
    return List.copyOf(finished);
  }

  /**
   * @return the first exception a callback threw (the run stopped then), or null
   */
  synchronized RuntimeException callbackFailure() {
    return callbackFailure;
  }
}
