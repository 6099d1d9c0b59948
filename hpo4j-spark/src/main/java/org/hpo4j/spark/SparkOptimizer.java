package org.hpo4j.spark;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.Experimental;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's trials as Spark tasks: up to {@link #parallelism} one-task Spark jobs at once, each
 * running one trial of a {@link SparkObjective} on an executor. The study and its storage stay with
 * the driver, which serves the storage to executors over gRPC by default (or use a shared storage
 * URL); every executor builds its own copy of the sampler and pruner
 * from the recipes given here and reaches the storage through a {@link StorageLink}.
 *
 * <pre>{@code
 * SparkOptimizer.on(spark).parallelism(32).storage("postgresql://...")
 *     .sampler(() -> new TpeSampler.Builder().seed(0).build())
 *     .optimize(study, trial -> train(trial.suggestFloat("lr", 1e-4, 1e-1, true)), 200);
 * }</pre>
 *
 * <p>Faults: a task that throws is a FAIL trial (the objective's failure is data); a lost executor
 * makes Spark retry the task, and the retry fails the lost trial and re-runs its parameters (see
 * {@link TrialTask}); a trial still RUNNING when its job has ended for good is marked FAIL here.
 * {@code study.stop()} (say, from a callback) starts no new trial; cancelling the job group
 * {@link #jobGroup()} (the Spark UI's kill link, or {@code sc.cancelJobGroup}) stops the run and
 * interrupts running tasks. Progress goes to the driver's log and to each job's description in the
 * Spark UI. Dynamic allocation needs nothing more: each trial is its own one-task job.
 *
 * <p>Not thread-safe: configure, then call {@code optimize} from one thread.
 */
@Experimental
public final class SparkOptimizer {
  private static final Logger LOG = LoggerFactory.getLogger(SparkOptimizer.class);

  private final SparkSession spark;
  private final String runId = "hpo4j-" + UUID.randomUUID();
  private int parallelism = 0;
  private StorageLink storage;
  private SerializableSupplier<Sampler> sampler;
  private SerializableSupplier<Pruner> pruner;
  private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

  private SparkOptimizer(SparkSession spark) {
    this.spark = spark;
  }

  /** @return an optimizer submitting to {@code spark}'s cluster */
  public static SparkOptimizer on(SparkSession spark) {
    return new SparkOptimizer(org.hpo4j.Checks.requireNonNull(spark, "spark"));
  }

  /** Trials run at once (default: the cluster's default parallelism, i.e. its total cores). */
  public SparkOptimizer parallelism(int parallelism) {
    requireArgument(parallelism >= 1, "parallelism >= 1 must hold, but got parallelism=%s", parallelism);
    this.parallelism = parallelism;
    return this;
  }

  /**
   * The storage executors open: a URL every executor reaches (see {@link StorageLink#url}). Default:
   * the driver serves the study's own storage over gRPC (hpo4j-grpc) and executors open
   * {@code grpc://<spark.driver.host>:<port>}, {@code spark.hpo4j.storage.port} (default any free one).
   */
  public SparkOptimizer storage(String url) {
    return storage(StorageLink.url(url));
  }

  /** The storage executors open. */
  public SparkOptimizer storage(StorageLink link) {
    this.storage = org.hpo4j.Checks.requireNonNull(link, "storage");
    return this;
  }

  /**
   * How executors build their sampler (default: the study's own sampler when it is serializable).
   * Seeded samplers draw from (seed, trial number), so every executor's copy proposes what the
   * driver's would.
   */
  public SparkOptimizer sampler(SerializableSupplier<Sampler> recipe) {
    this.sampler = org.hpo4j.Checks.requireNonNull(recipe, "sampler");
    return this;
  }

  /** How executors build their pruner (default: the study's own pruner when it is serializable). */
  public SparkOptimizer pruner(SerializableSupplier<Pruner> recipe) {
    this.pruner = org.hpo4j.Checks.requireNonNull(recipe, "pruner");
    return this;
  }

  /** Adds a callback run on the driver, with the driver's study, after each trial's task. */
  public SparkOptimizer callback(Callback callback) {
    callbacks.add(org.hpo4j.Checks.requireNonNull(callback, "callback"));
    return this;
  }

  /** @return the Spark job group of this optimizer's jobs: cancel it to stop the run */
  public String jobGroup() {
    return runId;
  }

  /**
   * Runs {@code nTrials} trials (fewer after {@code study.stop()} or a cancelled job group).
   *
   * @return the trials this call finished, in the order their tasks ended
   * @throws IllegalArgumentException when the objective, sampler or pruner cannot be serialized
   *     (naming the class) or nTrials &lt; 1
   * @throws IllegalStateException when executors cannot reach the storage (naming where it is)
   * @throws IllegalStateException when the study has several objectives
   */
  public List<FrozenTrial> optimize(Study study, SparkObjective objective, int nTrials) {
    org.hpo4j.Checks.requireNonNull(study, "study");
    org.hpo4j.Checks.requireNonNull(objective, "objective");
    requireArgument(nTrials >= 1, "nTrials >= 1 must hold, but got nTrials=%s", nTrials);
    org.hpo4j.Checks.requireState(study.directions().size() == 1,
        "study '%s' has %s objectives; SparkOptimizer runs single-objective studies", study.name(),
        study.directions().size());
    Serializability.require(objective, "the objective (" + objective.getClass().getName() + ")");
    TaskSpec spec = new TaskSpec(runId + "-" + UUID.randomUUID(), study.name(), study.directions(),
        link(study), recipe(sampler, study.sampler(), "sampler"), recipe(pruner, study.pruner(), "pruner"),
        objective);
    Serializability.require(spec.storage(), "the storage link");
    study.clearStopRequest();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int p = Math.min(nTrials, parallelism > 0 ? parallelism : jsc.defaultParallelism());
    Progress progress = new Progress(study, nTrials);
    LOG.info("hpo4j-spark: study '" + study.name() + "': " + nTrials + " trials, " + p
        + " at once, job group " + runId + ", storage " + spec.storage().describe());
    AtomicInteger nextSlot = new AtomicInteger();
    List<FrozenTrial> finished = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(p, r -> {
      Thread t = new Thread(r, "hpo4j-spark-submit");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < p; i++) {
        futures.add(pool.submit(() -> submitLoop(jsc, spec, study, nTrials, nextSlot, progress, finished)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      study.stop();
      jsc.cancelJobGroup(runId);
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      study.stop();
      jsc.cancelJobGroup(runId);
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      failOrphans(study, spec.runId());
    }
    LOG.info("hpo4j-spark: study '" + study.name() + "' done: " + progress.summary());
    return List.copyOf(finished);
  }

  private void submitLoop(JavaSparkContext jsc, TaskSpec spec, Study study, int nTrials, AtomicInteger nextSlot,
      Progress progress, List<FrozenTrial> finished) {
    while (!study.isStopRequested()) {
      int slot = nextSlot.getAndIncrement();
      if (slot >= nTrials) {
        return;
      }
      jsc.setJobGroup(runId, progress.describe(slot), true);
      TaskOutcome outcome;
      try {
        outcome = jsc.parallelize(List.of(slot), 1).map(s -> TrialTask.run(spec, s)).collect().get(0);
      } catch (Exception e) { // SparkException is checked, though Java cannot see collect() throw it
        if (isCancellation(e)) {
          LOG.info("hpo4j-spark: study '" + study.name() + "': job group cancelled; stopping");
          study.stop();
          return;
        }
        String why = rootMessage(e);
        if (why.contains("cannot reach the study's storage")) {
          study.stop();
          throw new IllegalStateException(why, e);
        }
        LOG.warn("hpo4j-spark: study '" + study.name() + "': the task of slot " + slot
            + " failed for good (" + why + "); its trial, if any, is marked FAIL at the end");
        progress.taskFailed();
        continue;
      }
      FrozenTrial t = trialByNumber(study, outcome.trialNumber());
      finished.add(t);
      progress.finished(outcome);
      for (Callback c : callbacks) {
        c.onTrialFinished(study, t);
      }
    }
  }

  private static FrozenTrial trialByNumber(Study study, int number) {
    for (FrozenTrial t : study.trials(null)) {
      if (t.number() == number) {
        return t;
      }
    }
    throw new IllegalStateException("trial " + number + " of study '" + study.name() + "' is not in the driver's storage");
  }

  /** Trials whose tasks ended for good without finishing them (a job failed or was cancelled). */
  private static void failOrphans(Study study, String specRunId) {
    Storage storage = study.storage();
    for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
      Object task = t.systemAttrs().get(TrialTask.TASK_ATTR);
      if (task != null && task.toString().startsWith(specRunId + "/")) {
        storage.setSystemAttr(t.id(), "fail_reason", "its Spark task ended (failed or cancelled) without finishing it");
        storage.finishTrial(t.id(), TrialState.FAIL, List.of());
      }
    }
    TrialTask.forget(specRunId);
  }

  private StorageLink link(Study study) {
    return storage != null ? storage : DriverStorageService.serve(study.storage(), spark.sparkContext().getConf());
  }

  private static <T> SerializableSupplier<T> recipe(SerializableSupplier<T> given, T studys, String what) {
    if (given != null) {
      Serializability.require(given, "the " + what + " recipe");
      return given;
    }
    if (studys instanceof java.io.Serializable) {
      Serializability.require(studys, "the study's " + what);
      return () -> studys;
    }
    throw new IllegalArgumentException("the study's " + what + " (" + studys.getClass().getName() + ") is not "
        + "serializable: give executors a recipe, e.g. SparkOptimizer." + what + "(() -> ...)");
  }

  private static boolean isCancellation(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (m.contains("cancelled") || m.contains("killed") && m.contains("job group")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    String m = e.getMessage();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        m = c.getMessage();
      }
    }
    return m == null ? e.toString() : m.lines().findFirst().orElse(m);
  }

  /** @return the Spark context this optimizer submits to */
  SparkContext context() {
    return spark.sparkContext();
  }
}
