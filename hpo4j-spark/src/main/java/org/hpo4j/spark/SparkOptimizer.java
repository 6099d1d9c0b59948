package org.hpo4j.spark;

import static org.hpo4j.Checks.requireArgument;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.Experimental;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Runs a study's trials as Spark tasks: one job of {@link #parallelism} long-running tasks, each of
 * which runs trials one after another on its executor, claiming every trial's slot from the driver
 * (see {@link TrialRun}) until the budget is spent or the study stopped. The study and its storage
 * stay with the driver, which serves the storage to executors over gRPC by default (or use a shared
 * storage URL); every executor builds its own copy of the sampler and pruner from the recipes given
 * here and reaches the storage through a {@link StorageLink}. A trial thus costs no Spark job: two
 * small calls to the driver's coordinator and the storage's own calls.
 *
 * <pre>{@code
 * SparkOptimizer.on(spark).parallelism(32).storage("postgresql://...")
 *     .sampler(() -> new TpeSampler.Builder().seed(0).build())
 *     .optimize(study, trial -> train(trial.suggestFloat("lr", 1e-4, 1e-1, true)), 200);
 * }</pre>
 *
 * <p>Faults: an objective that throws makes a FAIL trial (the objective's failure is data); a lost
 * executor makes Spark retry its task, and the retry's first claim tells the driver, which fails
 * the lost trial, enqueues its parameters and grants its slot again; a job that fails for good
 * fails the trials it held and a new job runs the rest. {@code study.stop()} (say, from a callback)
 * starts no new trial: tasks report each trial before claiming the next, and the driver's callbacks
 * run in between. Cancelling the job group {@link #jobGroup()} (the Spark UI's kill link, or {@code
 * sc.cancelJobGroup}) stops the run and interrupts running tasks. Progress goes to the driver's log
 * per trial and to the job's description in the Spark UI. Dynamic allocation: the job's pending
 * tasks ask for executors; executors idle between runs are released. Leave {@code
 * spark.speculation} off: a speculative copy of a task would take its slot over.
 *
 * <p>Not thread-safe: configure, then call {@code optimize} from one thread.
 */
@Experimental
public final class SparkOptimizer {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SparkOptimizer.class);

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

  /**
   * @return an optimizer submitting to {@code spark}'s cluster
   */
  public static SparkOptimizer on(SparkSession spark) {
    return new SparkOptimizer(org.hpo4j.Checks.requireNonNull(spark, "spark"));
  }

  /** Trials run at once (default: the cluster's default parallelism, i.e. its total cores). */
  public SparkOptimizer parallelism(int parallelism) {
    requireArgument(
        parallelism >= 1, "parallelism >= 1 must hold, but got parallelism=%s", parallelism);
    this.parallelism = parallelism;
    return this;
  }

  /**
   * The storage executors open: a URL every executor reaches (see {@link StorageLink#url}).
   * Default: the driver serves the study's own storage over gRPC (hpo4j-grpc) and executors open
   * {@code grpc://<spark.driver.host>:<port>}, {@code spark.hpo4j.storage.port} (default any free
   * one).
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

  /**
   * @return the Spark job group of this optimizer's jobs: cancel it to stop the run
   */
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
    org.hpo4j.Checks.requireState(
        study.directions().size() == 1,
        "study '%s' has %s objectives; SparkOptimizer runs single-objective studies",
        study.name(),
        study.directions().size());
    Serializability.require(objective, "the objective (" + objective.getClass().getName() + ")");
    String specRunId = runId + "-" + UUID.randomUUID();
    SerializableSupplier<Sampler> samplerRecipe = recipe(sampler, study.sampler(), "sampler");
    SerializableSupplier<Pruner> prunerRecipe = recipe(pruner, study.pruner(), "pruner");
    StorageLink link = link(study);
    Serializability.require(link, "the storage link");
    study.clearStopRequest();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int p = Math.min(nTrials, parallelism > 0 ? parallelism : jsc.defaultParallelism());
    if (jsc.getConf().getBoolean("spark.speculation", false)) {
      LOG.warn(
          "hpo4j-spark: spark.speculation is on: a speculative copy of a trial task takes "
              + "its slot over, and the trial the original attempt ran is failed as lost");
    }
    Progress progress = new Progress(study, nTrials);
    TrialRun run = new TrialRun(study, nTrials, callbacks, progress);
    TaskSpec spec =
        new TaskSpec(
            specRunId,
            study.name(),
            study.directions(),
            link,
            samplerRecipe,
            prunerRecipe,
            objective,
            TrialCoordinator.register(specRunId, run, jsc.getConf()));
    LOG.info(
        "hpo4j-spark: study '"
            + study.name()
            + "': "
            + nTrials
            + " trials, "
            + p
            + " at once, job group "
            + runId
            + ", storage "
            + spec.storage().describe());
    try {
      for (int job = 0; run.more(); job++) {
        int tasks = Math.min(p, run.remaining());
        int settledBefore = run.settled();
        jsc.setJobGroup(runId, progress.describeJob(tasks), true);
        int j = job;
        try {
          jsc.parallelize(java.util.stream.IntStream.range(0, tasks).boxed().toList(), tasks)
              .map(task -> TrialTask.run(spec, j, task))
              .collect();
        } catch (
            Exception e) { // SparkException is checked, though Java cannot see collect() throw it
          if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
            study.stop();
            jsc.cancelJobGroup(runId);
            run.jobEnded(j, true);
            Thread.currentThread().interrupt();
            break;
          }
          boolean cancelled = isCancellation(e);
          run.jobEnded(j, cancelled);
          if (cancelled) {
            LOG.info("hpo4j-spark: study '" + study.name() + "': job group cancelled; stopping");
            study.stop();
            break;
          }
          String why = rootMessage(e);
          if (why.contains("cannot reach the")) {
            study.stop();
            throw new IllegalStateException(why, e);
          }
          if (run.settled() == settledBefore) {
            study.stop();
            throw new IllegalStateException(
                "hpo4j-spark: study '"
                    + study.name()
                    + "': a Spark job of trial tasks "
                    + "failed before any trial ended: "
                    + why,
                e);
          }
          LOG.warn(
              "hpo4j-spark: study '"
                  + study.name()
                  + "': a job of trial tasks failed for good ("
                  + why
                  + "); the trials it held are FAIL, the remaining ones run in a new job");
          continue;
        }
        run.jobEnded(j, false);
        if (run.callbackFailure() != null) {
          throw run.callbackFailure();
        }
      }
    } finally {
      TrialCoordinator.unregister(specRunId);
      failOrphans(study, specRunId);
    }
    LOG.info("hpo4j-spark: study '" + study.name() + "' done: " + progress.summary());
    return run.finished();
  }

  /** RUNNING trials of this run the driver was never told of (their task died at once): FAIL. */
  private static void failOrphans(Study study, String specRunId) {
    for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
      Object task = t.systemAttrs().get(TrialTask.TASK_ATTR);
      if (task != null && task.toString().startsWith(specRunId + "/")) {
        TrialRun.failEnded(study.storage(), t.id());
      }
    }
    TrialTask.forget(specRunId);
  }

  private StorageLink link(Study study) {
    return storage != null
        ? storage
        : DriverStorageService.serve(study.storage(), spark.sparkContext().getConf());
  }

  private static <T> SerializableSupplier<T> recipe(
      SerializableSupplier<T> given, T studys, String what) {
    if (given != null) {
      Serializability.require(given, "the " + what + " recipe");
      return given;
    }
    if (studys instanceof java.io.Serializable) {
      Serializability.require(studys, "the study's " + what);
      return () -> studys;
    }
    throw new IllegalArgumentException(
        "the study's "
            + what
            + " ("
            + studys.getClass().getName()
            + ") is not "
            + "serializable: give executors a recipe, e.g. SparkOptimizer."
            + what
            + "(() -> ...)");
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

  /**
   * @return the Spark context this optimizer submits to
   */
  SparkContext context() {
    return spark.sparkContext();
  }
}
