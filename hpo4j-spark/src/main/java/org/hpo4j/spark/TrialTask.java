package org.hpo4j.spark;

import java.util.EnumSet;
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

/**
 * The executor side: one Spark task runs trials one after another, each in a slot it claims from
 * the driver's {@link TrialRun} (through {@link CoordinatorLink}), until the driver says stop. Each
 * trial is tagged with its slot, the task's attempt and the executor, and the driver is told which
 * trial runs in which slot before the objective starts: if the executor is lost, the task's next
 * attempt claims, and the driver fails that trial and grants its slot again (see {@link TrialRun}).
 * One study (and one storage client) per executor JVM and run, shared by its tasks: a trial costs
 * two calls to the driver and the storage's own calls, not a Spark job.
 */
final class TrialTask {
  static final String TASK_ATTR = "spark:task";
  static final String ATTEMPT_ATTR = "spark:attempt";
  static final String EXECUTOR_ATTR = "spark:executor";
  static final String LOST_ATTR = "spark:lost";

  private static final Map<String, Storage> STORAGES = new ConcurrentHashMap<>();
  private static final Map<String, Study> STUDIES = new ConcurrentHashMap<>();

  private TrialTask() {}

  /**
   * Runs trials in the slots the driver grants to task {@code task} of job {@code job}.
   *
   * @return the number of trials this attempt ran
   */
  static int run(TaskSpec spec, int job, int task) {
    TaskContext ctx = TaskContext.get();
    int attempt = ctx == null ? 0 : ctx.attemptNumber();
    Study study = study(spec);
    Storage storage = study.storage();
    CoordinatorLink driver = spec.coordinator();
    int ran = 0;
    int slot = driver.next(job, task, attempt, -1, -1);
    while (slot >= 0) {
      Trial trial = study.ask();
      long id = idOf(storage, study.id(), trial.number());
      try {
        storage.setSystemAttr(id, TASK_ATTR, spec.runId() + "/" + slot);
        storage.setSystemAttr(id, ATTEMPT_ATTR, attempt);
        storage.setSystemAttr(id, EXECUTOR_ATTR, executorId());
        driver.started(job, task, attempt, slot, id);
      } catch (RuntimeException e) {
        // killed (interrupted) before the driver knew the trial: fail it here
        boolean interrupted = Thread.interrupted();
        storage.setSystemAttr(
            id, "fail_reason", "its Spark task was killed before it started: " + e);
        study.tell(trial, TrialState.FAIL);
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        throw e;
      }
      if (!evaluate(study, storage, spec.objective(), trial, id)) {
        return ran; // the driver failed this trial meanwhile: this attempt was superseded
      }
      if (ctx != null && ctx.isInterrupted()) {
        return ran; // killed (the job was cancelled): the driver settles the trial with the job
      }
      ran++;
      slot = driver.next(job, task, attempt, slot, id);
    }
    return ran;
  }

  /**
   * Study.optimize's rules for one trial: a value COMPLETEs, NaN or an exception FAILs, a prune
   * PRUNEs.
   */
  private static boolean evaluate(
      Study study, Storage storage, SparkObjective objective, Trial trial, long id) {
    try {
      double value;
      try {
        value = objective.evaluate(trial);
      } catch (TrialPrunedException e) {
        study.tell(trial, TrialState.PRUNED);
        return true;
      } catch (Exception | StackOverflowError e) {
        storage.setSystemAttr(id, "fail_reason", e.toString());
        org.slf4j.LoggerFactory.getLogger(TrialTask.class)
            .warn("trial " + trial.number() + " of study '" + study.name() + "' failed: " + e);
        study.tell(trial, TrialState.FAIL);
        return true;
      }
      study.tell(trial, value);
      return true;
    } catch (IllegalStateException e) {
      if (storage.trial(id).state().isFinished()) {
        return false; // finished elsewhere: the driver took this attempt for lost
      }
      throw e;
    }
  }

  private static long idOf(Storage storage, long studyId, int number) {
    for (FrozenTrial t : storage.trials(studyId, EnumSet.of(TrialState.RUNNING))) {
      if (t.number() == number) {
        return t.id();
      }
    }
    throw new StorageException(
        "trial " + number + " just started but is not RUNNING in the storage");
  }

  private static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? "none" : env.executorId();
  }

  private static Study study(TaskSpec spec) {
    return STUDIES.computeIfAbsent(
        spec.runId(),
        k -> {
          Storage storage =
              STORAGES.computeIfAbsent(
                  spec.storage().describe() + "#" + spec.storage().hashCode(),
                  u -> open(spec.storage()));
          try {
            return build(spec, storage);
          } catch (RuntimeException e) {
            throw new StorageException(
                "executor "
                    + executorId()
                    + " cannot reach the study's storage at "
                    + spec.storage().describe()
                    + " (study '"
                    + spec.studyName()
                    + "'): "
                    + e.getMessage(),
                e);
          }
        });
  }

  private static Study build(TaskSpec spec, Storage storage) {
    return Study.builder()
        .name(spec.studyName())
        .directions(spec.directions().toArray(org.hpo4j.study.StudyDirection[]::new))
        .storage(storage)
        .sampler(spec.sampler().get())
        .pruner(spec.pruner().get())
        .loadIfExists(true)
        .build();
  }

  private static Storage open(StorageLink link) {
    try {
      return link.open();
    } catch (RuntimeException e) {
      throw new StorageException(
          "executor "
              + executorId()
              + " cannot reach the study's storage at "
              + link.describe()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Forgets the study of a finished run (its storage stays open for the next run). */
  static void forget(String runId) {
    STUDIES.remove(runId);
  }
}
