package org.hpo4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkOptimizerTest {
  @TempDir Path dir;

  private Study study(String url) {
    Storage storage = Storages.open(url);
    return Study.builder()
        .name("s")
        .direction(StudyDirection.MINIMIZE)
        .storage(storage)
        .sampler(RandomSampler.builder().seed(0).build())
        .build();
  }

  @Test
  void optimize_sharedSqlite_runsEveryTrialOnceAsTasks() {
    String url = "sqlite:" + dir.resolve("s.db");
    Study study = study(url);
    List<FrozenTrial> done =
        SparkOptimizer.on(LocalSpark.get())
            .parallelism(2)
            .storage(url)
            .sampler(() -> RandomSampler.builder().seed(0).build())
            .optimize(
                study,
                t -> {
                  double x = t.suggestFloat("x", -5, 5);
                  if (x > 4.5) {
                    throw new IllegalStateException("too far");
                  }
                  return x * x;
                },
                8);
    assertEquals(8, done.size());
    List<FrozenTrial> all = study.trials(null);
    assertEquals(8, all.size());
    Set<Integer> numbers = new HashSet<>();
    for (FrozenTrial t : all) {
      assertTrue(t.state().isFinished(), t.toString());
      assertTrue(numbers.add(t.number()));
      assertEquals(0, t.systemAttrs().get(TrialTask.ATTEMPT_ATTR));
    }
    assertEquals(
        all.size() - study.trials(EnumSet.of(TrialState.FAIL)).size(),
        study.trials(EnumSet.of(TrialState.COMPLETE)).size());
  }

  @Test
  void optimize_stopFromDriverCallback_startsNoNewTrial() {
    String url = "sqlite:" + dir.resolve("stop.db");
    Study study = study(url);
    List<FrozenTrial> done =
        SparkOptimizer.on(LocalSpark.get())
            .parallelism(1)
            .storage(url)
            .sampler(() -> RandomSampler.builder().seed(0).build())
            .callback(
                (s, t) -> {
                  if (t.number() == 2) {
                    s.stop();
                  }
                })
            .optimize(study, t -> t.suggestFloat("x", 0, 1), 20);
    assertEquals(3, done.size());
    assertEquals(3, study.trials(null).size());
  }

  /** Not serializable: the lambda below captures one. */
  static final class Opaque {
    double value() {
      return 1.0;
    }
  }

  @Test
  void optimize_nonSerializableObjective_namesTheClass() {
    String url = "sqlite:" + dir.resolve("ns.db");
    Study study = study(url);
    Opaque opaque = new Opaque();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SparkOptimizer.on(LocalSpark.get())
                    .storage(url)
                    .sampler(() -> RandomSampler.builder().seed(0).build())
                    .optimize(study, t -> opaque.value(), 2));
    assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
    assertEquals(0, study.trials(null).size());
  }

  @Test
  void optimize_inMemoryStudy_servedToExecutorsOverGrpcByDefault() {
    Study study =
        Study.builder().name("mem").sampler(RandomSampler.builder().seed(0).build()).build();
    List<FrozenTrial> done =
        SparkOptimizer.on(LocalSpark.get())
            .parallelism(2)
            .sampler(() -> RandomSampler.builder().seed(0).build())
            .optimize(study, t -> t.suggestFloat("x", 0, 1), 4);
    assertEquals(4, done.size());
    assertEquals(4, study.trials(EnumSet.of(TrialState.COMPLETE)).size());
  }

  @Test
  void optimize_unreachableStorageService_saysWhereItLooked() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "grpc://127.0.0.1:" + port + "?connect_timeout=1";
    Study study =
        Study.builder().name("lost").sampler(RandomSampler.builder().seed(0).build()).build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SparkOptimizer.on(LocalSpark.get())
                    .storage(url)
                    .sampler(() -> RandomSampler.builder().seed(0).build())
                    .optimize(study, t -> 0.0, 2));
    assertTrue(
        e.getMessage().contains("cannot reach the study's storage at " + url), e.getMessage());
  }

  @Test
  void optimize_jobGroupCancelled_stopsTheRunAndFailsItsRunningTrial() throws Exception {
    Study study =
        Study.builder().name("cancel").sampler(RandomSampler.builder().seed(0).build()).build();
    SparkOptimizer opt =
        SparkOptimizer.on(LocalSpark.get())
            .parallelism(1)
            .sampler(() -> RandomSampler.builder().seed(0).build());
    java.util.concurrent.CompletableFuture<List<FrozenTrial>> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                opt.optimize(
                    study,
                    t -> {
                      t.suggestFloat("x", 0, 1);
                      Thread.sleep(120_000);
                      return 0.0;
                    },
                    5));
    while (study.trials(EnumSet.of(TrialState.RUNNING)).stream()
        .noneMatch(t -> t.systemAttrs().containsKey(TrialTask.EXECUTOR_ATTR))) {
      Thread.sleep(50);
    }
    LocalSpark.get().sparkContext().cancelJobGroup(opt.jobGroup());
    List<FrozenTrial> done = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(0, done.size());
    List<FrozenTrial> all = study.trials(null);
    assertEquals(1, all.size());
    assertEquals(TrialState.FAIL, all.get(0).state());
  }

  @Test
  void optimize_jobsDescribeTheirTrialInTheSparkUi() throws Exception {
    List<String> descriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.apache.spark.scheduler.SparkListener listener =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
            descriptions.add(String.valueOf(e.properties().getProperty("spark.job.description")));
          }
        };
    LocalSpark.get().sparkContext().addSparkListener(listener);
    try {
      Study study =
          Study.builder().name("ui").sampler(RandomSampler.builder().seed(0).build()).build();
      SparkOptimizer.on(LocalSpark.get())
          .parallelism(1)
          .sampler(() -> RandomSampler.builder().seed(0).build())
          .optimize(study, t -> t.suggestFloat("x", 0, 1), 2);
      LocalSpark.get().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      LocalSpark.get().sparkContext().removeSparkListener(listener);
    }
    assertEquals(List.of("hpo4j study 'ui': 2 trials, 1 at once (0 done)"), descriptions);
  }
}
