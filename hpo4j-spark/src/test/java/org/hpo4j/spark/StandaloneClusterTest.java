package org.hpo4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trials as tasks on a real standalone cluster on 127.0.0.1: a Master and two one-core Workers
 * started here from the Maven jars, executors in JVMs of their own. Runs everywhere (CI included):
 * the build itself provides the jars.
 */
class StandaloneClusterTest {
  private static final int LOST_TRIAL = 9;
  private static StandaloneCluster cluster;
  private static SparkSession spark;
  private static Path dir;

  @BeforeAll
  static void startCluster() throws Exception {
    LocalSpark.stop();
    dir =
        Files.createDirectories(
            Path.of("target", "standalone-" + ProcessHandle.current().pid()).toAbsolutePath());
    cluster = StandaloneCluster.start(dir, 2);
    spark =
        SparkSession.builder()
            .master(cluster.masterUrl())
            .appName("hpo4j-standalone-test")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.executor.memory", "512m")
            .config("spark.executor.cores", "1")
            .config("spark.cores.max", "2")
            .config("spark.executor.extraJavaOptions", cluster.javaOptions())
            .config("spark.executor.extraClassPath", cluster.applicationClassPath())
            .config("spark.task.maxFailures", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stopCluster() {
    if (spark != null) {
      spark.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** XGBoost through hpo4j-ml, except that one trial hangs until its executor is killed. */
  static final class XgbObjective implements SparkObjective {
    private final ModelObjective model;
    private final int hangOn;

    XgbObjective(ModelObjective model, int hangOn) {
      this.model = model;
      this.hangOn = hangOn;
    }

    @Override
    public double evaluate(Trial trial) throws Exception {
      if (trial.number() == hangOn) {
        trial.suggestInt("n_estimators", 5, 20);
        Thread.sleep(TimeUnit.MINUTES.toMillis(3));
      }
      return model.evaluate(trial);
    }
  }

  @Test
  void xgboost40Trials_executorKilledMidTrial_failedTrialReRunAndEveryTrialCountedOnce()
      throws Exception {
    // in memory on the driver, served to the executors over gRPC (the default)
    Study study =
        Study.builder()
            .name("xgb")
            .direction(StudyDirection.MAXIMIZE)
            .storage(Storages.inMemory())
            .sampler(RandomSampler.builder().seed(0).build())
            .build();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model", "xgboost");
    config.put("dataset", TestData.path("breast_cancer.csv").toString());
    config.put("folds", 3);
    config.put("nthread", 1);
    config.put("early_stopping_rounds", 0);
    config.put(
        "space",
        Map.of(
            "n_estimators",
            Map.of("low", 5, "high", 20),
            "max_depth",
            Map.of("low", 2, "high", 3)));
    XgbObjective objective = new XgbObjective(new ModelObjective(config, Path.of(".")), LOST_TRIAL);

    CompletableFuture<List<FrozenTrial>> run =
        CompletableFuture.supplyAsync(
            () ->
                SparkOptimizer.on(spark)
                    .parallelism(4)
                    .sampler(() -> RandomSampler.builder().seed(0).build())
                    .optimize(study, objective, 40));
    FrozenTrial hanging = awaitRunning(study, LOST_TRIAL);
    String executor = String.valueOf(hanging.systemAttrs().get(TrialTask.EXECUTOR_ATTR));
    ProcessHandle jvm = cluster.executors().get(executor);
    assertTrue(jvm != null, "no JVM for executor " + executor + " among " + cluster.executors());
    assertNotEquals(ProcessHandle.current().pid(), jvm.pid());
    assertTrue(jvm.destroyForcibly()); // SIGKILL
    List<FrozenTrial> finished = run.get(5, TimeUnit.MINUTES);

    List<FrozenTrial> all = study.trials(null);
    assertEquals(40, finished.size());
    assertEquals(40, study.trials(EnumSet.of(TrialState.COMPLETE)).size(), () -> all.toString());
    assertEquals(41, all.size());
    Set<Integer> numbers = new HashSet<>();
    for (FrozenTrial t : all) {
      assertTrue(numbers.add(t.number()), "duplicate number " + t.number());
      assertTrue(t.state().isFinished(), t.toString());
    }
    assertEquals(41, numbers.size());
    assertTrue(numbers.containsAll(java.util.stream.IntStream.range(0, 41).boxed().toList()));
    FrozenTrial lost = all.stream().filter(t -> t.number() == LOST_TRIAL).findFirst().orElseThrow();
    assertEquals(TrialState.FAIL, lost.state());
    assertEquals(true, lost.systemAttrs().get(TrialTask.LOST_ATTR));
    FrozenTrial rerun =
        all.stream()
            .filter(
                t ->
                    t.number() != LOST_TRIAL
                        && lost.distributions().keySet().equals(Set.of("n_estimators"))
                        && java.util.Objects.equals(
                            lost.param("n_estimators"), t.param("n_estimators"))
                        && t.systemAttrs()
                            .get(TrialTask.TASK_ATTR)
                            .equals(lost.systemAttrs().get(TrialTask.TASK_ATTR)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no re-run of " + lost + " in " + all));
    assertEquals(TrialState.COMPLETE, rerun.state());
    assertEquals(1, rerun.systemAttrs().get(TrialTask.ATTEMPT_ATTR));
    assertNotEquals(executor, rerun.systemAttrs().get(TrialTask.EXECUTOR_ATTR));
    assertFalse(spark.sparkContext().isStopped());
  }

  private static FrozenTrial awaitRunning(Study study, int number) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < end) {
      for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
        if (t.number() == number && t.systemAttrs().containsKey(TrialTask.EXECUTOR_ATTR)) {
          return t;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("trial " + number + " never ran; trials: " + study.trials(null));
  }
}
