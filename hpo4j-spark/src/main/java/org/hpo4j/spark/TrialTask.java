package org.hpo4j.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.slf4j.LoggerFactory;

/**
 * The executor side: one Spark task runs one trial. Each trial is tagged with its task (run and
 * slot) and attempt, which makes Spark's task retries safe: a retried task first looks for the
 * trials of its earlier attempts. A finished one means only the result was lost (the executor died
 * after the storage had it): it is returned, not run again, so no trial counts twice. A RUNNING one
 * belongs to a lost executor: it is marked FAIL and its parameters are enqueued, so the retry
 * re-runs it as a new trial. With a JDBC storage, hpo4j's heartbeats also let any worker fail such
 * trials after the grace period; the tags make it immediate and exact.
 */
final class TrialTask {
  static final String TASK_ATTR = "spark:task";
  static final String ATTEMPT_ATTR = "spark:attempt";
  static final String EXECUTOR_ATTR = "spark:executor";
  static final String LOST_ATTR = "spark:lost";

  private static final Map<String, Storage> STORAGES = new ConcurrentHashMap<>();
  private static final Map<String, Study> STUDIES = new ConcurrentHashMap<>();

  private TrialTask() {}

  /** Runs the trial of {@code slot}, in a Spark task (or directly, attempt 0, outside Spark). */
  static TaskOutcome run(TaskSpec spec, int slot) {
    TaskContext ctx = TaskContext.get();
    int attempt = ctx == null ? 0 : ctx.attemptNumber();
    Study study = study(spec);
    Storage storage = study.storage();
    String key = spec.runId() + "/" + slot;
    int failedLost = 0;
    if (attempt > 0) {
      for (FrozenTrial t : tagged(storage, study.id(), key)) {
        if (t.state().isFinished() && !t.systemAttrs().containsKey(LOST_ATTR)) {
          return TaskOutcome.of(t, attempt, 0);
        }
      }
      for (FrozenTrial t : tagged(storage, study.id(), key)) {
        if (t.state() == TrialState.RUNNING && failLost(storage, study, t, attempt)) {
          failedLost++;
        }
      }
    }
    Trial trial = study.ask();
    long id = idOf(storage, study.id(), trial.number());
    try {
      storage.setSystemAttr(id, TASK_ATTR, key);
      storage.setSystemAttr(id, ATTEMPT_ATTR, attempt);
      storage.setSystemAttr(id, EXECUTOR_ATTR, executorId());
    } catch (RuntimeException e) {
      // killed (interrupted) before the trial was tagged: the driver could not find it, so fail it here
      boolean interrupted = Thread.interrupted();
      storage.setSystemAttr(id, "fail_reason", "its Spark task was killed before it started: " + e);
      study.tell(trial, TrialState.FAIL);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    evaluate(study, storage, spec.objective(), trial, id);
    return TaskOutcome.of(storage.trial(id), attempt, failedLost);
  }

  /** Study.optimize's rules for one trial: a value COMPLETEs, NaN or an exception FAILs, a prune PRUNEs. */
  private static void evaluate(Study study, Storage storage, SparkObjective objective, Trial trial, long id) {
    double value;
    try {
      value = objective.evaluate(trial);
    } catch (TrialPrunedException e) {
      study.tell(trial, TrialState.PRUNED);
      return;
    } catch (Exception | StackOverflowError e) {
      storage.setSystemAttr(id, "fail_reason", e.toString());
      LoggerFactory.getLogger(TrialTask.class).warn("trial " + trial.number() + " of study '" + study.name() + "' failed: " + e);
      study.tell(trial, TrialState.FAIL);
      return;
    }
    study.tell(trial, value);
  }

  private static boolean failLost(Storage storage, Study study, FrozenTrial t, int attempt) {
    storage.setSystemAttr(t.id(), LOST_ATTR, true);
    storage.setSystemAttr(t.id(), "fail_reason", "its Spark task attempt " + t.systemAttrs().get(ATTEMPT_ATTR)
        + " on executor " + t.systemAttrs().get(EXECUTOR_ATTR) + " was lost; attempt " + attempt
        + " re-runs its parameters as a new trial");
    if (!storage.finishTrial(t.id(), TrialState.FAIL, List.of())) {
      return false;
    }
    study.enqueueTrial(t.params());
    return true;
  }

  private static List<FrozenTrial> tagged(Storage storage, long studyId, String key) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : storage.trials(studyId, null)) {
      if (key.equals(t.systemAttrs().get(TASK_ATTR))) {
        out.add(t);
      }
    }
    return out;
  }

  private static long idOf(Storage storage, long studyId, int number) {
    for (FrozenTrial t : storage.trials(studyId, EnumSet.of(TrialState.RUNNING))) {
      if (t.number() == number) {
        return t.id();
      }
    }
    throw new StorageException("trial " + number + " just started but is not RUNNING in the storage");
  }

  private static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? "none" : env.executorId();
  }

  private static Study study(TaskSpec spec) {
    return STUDIES.computeIfAbsent(spec.runId(), k -> {
      Storage storage = STORAGES.computeIfAbsent(spec.storage().describe() + "#" + spec.storage().hashCode(),
          u -> open(spec.storage()));
      try {
        return build(spec, storage);
      } catch (RuntimeException e) {
        throw new StorageException("executor " + executorId() + " cannot reach the study's storage at "
            + spec.storage().describe() + " (study '" + spec.studyName() + "'): " + e.getMessage(), e);
      }
    });
  }

  private static Study build(TaskSpec spec, Storage storage) {
    return Study.builder().name(spec.studyName())
        .directions(spec.directions().toArray(org.hpo4j.study.StudyDirection[]::new))
        .storage(storage).sampler(spec.sampler().get()).pruner(spec.pruner().get())
        .loadIfExists(true).build();
  }

  private static Storage open(StorageLink link) {
    try {
      return link.open();
    } catch (RuntimeException e) {
      throw new StorageException("executor " + executorId() + " cannot reach the study's storage at "
          + link.describe() + ": " + e.getMessage(), e);
    }
  }

  /** Forgets the study of a finished run (its storage stays open for the next run). */
  static void forget(String runId) {
    STUDIES.remove(runId);
  }
}
