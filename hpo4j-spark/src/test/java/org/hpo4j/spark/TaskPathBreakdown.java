package org.hpo4j.spark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;

/**
 * Not a test: where the task path's per-trial time goes. Phases, each N units over P threads: empty
 * one-task Spark jobs (what a job per trial would cost); the executor's trial loop (TrialTask.run)
 * on P threads of the driver JVM against the driver's coordinator and gRPC storage service (no
 * Spark); and the whole path. Prints wall and process CPU per unit. Args: MASTER N P.
 */
public final class TaskPathBreakdown {
  private TaskPathBreakdown() {}

  interface Unit {
    void run(int i) throws Exception;
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void phase(String name, int n, int p, Unit u) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(p);
    long c0 = cpu();
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      fs.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  u.run(i);
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double wall = (System.nanoTime() - t0) / 1e6 / n;
    double cpu = (cpu() - c0) / 1e6 / n;
    pool.shutdown();
    System.out.printf("%s\t%d\t%d\t%.2f\t%.2f%n", name, n, p, wall, cpu);
  }

  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int p = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("breakdown")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SparkObjective trivial = t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("y", -1, 1);
    System.out.println("phase\tunits\tthreads\twall_ms_per_unit\tcpu_ms_per_unit");
    for (int round = 0; round < 2; round++) {
      phase("empty_job", n, p, i -> jsc.parallelize(List.of(i), 1).map(x -> x).collect());
      Study s1 =
          Study.builder()
              .name("direct" + round)
              .direction(StudyDirection.MINIMIZE)
              .storage(Storages.inMemory())
              .sampler(RandomSampler.builder().seed(0).build())
              .build();
      String runId = "bd-" + UUID.randomUUID();
      TrialRun run = new TrialRun(s1, n, List.of(), new Progress(s1, n));
      TaskSpec spec =
          new TaskSpec(
              runId,
              s1.name(),
              s1.directions(),
              DriverStorageService.serve(s1.storage(), spark.sparkContext().getConf()),
              () -> RandomSampler.builder().seed(0).build(),
              () -> org.hpo4j.pruner.Pruner.none(),
              trivial,
              TrialCoordinator.register(runId, run, spark.sparkContext().getConf()));
      AtomicInteger task = new AtomicInteger();
      long c0 = cpu();
      long t0 = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (int k = 0; k < p; k++) {
        Thread th = new Thread(() -> TrialTask.run(spec, 0, task.getAndIncrement()));
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join();
      }
      System.out.printf(
          "executor_loop_no_spark\t%d\t%d\t%.2f\t%.2f%n",
          n, p, (System.nanoTime() - t0) / 1e6 / n, (cpu() - c0) / 1e6 / n);
      TrialCoordinator.unregister(runId);
      Study s2 =
          Study.builder()
              .name("full" + round)
              .sampler(RandomSampler.builder().seed(0).build())
              .build();
      c0 = cpu();
      t0 = System.nanoTime();
      SparkOptimizer.on(spark)
          .parallelism(p)
          .sampler(() -> RandomSampler.builder().seed(0).build())
          .optimize(s2, trivial, n);
      System.out.printf(
          "full_path\t%d\t%d\t%.2f\t%.2f%n",
          n, p, (System.nanoTime() - t0) / 1e6 / n, (cpu() - c0) / 1e6 / n);
    }
    spark.stop();
  }
}
