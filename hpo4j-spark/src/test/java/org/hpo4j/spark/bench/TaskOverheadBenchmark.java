package org.hpo4j.spark.bench;

import org.apache.spark.sql.SparkSession;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.spark.SparkObjective;
import org.hpo4j.spark.SparkOptimizer;
import org.hpo4j.study.Study;

/**
 * Not a test: the per-trial cost of the task path (a one-task Spark job per trial, the executor's
 * study over the driver's gRPC storage service) with a trivial objective, against the same trials
 * run by {@code Study.optimize} in the driver. Args: MASTER TRIALS PARALLELISM. Run by
 * docs/spark/overhead-bench.sh.
 */
public final class TaskOverheadBenchmark {
  private TaskOverheadBenchmark() {}

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int p = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("overhead-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    SparkObjective trivial = t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("y", -1, 1);
    SparkOptimizer.on(spark)
        .parallelism(p)
        .sampler(() -> RandomSampler.builder().seed(1).build())
        .optimize(
            Study.builder().name("warmup").sampler(RandomSampler.builder().seed(1).build()).build(),
            trivial,
            30);
    Study local =
        Study.builder().name("local").sampler(RandomSampler.builder().seed(0).build()).build();
    long t0 = System.nanoTime();
    local.optimize(trivial, org.hpo4j.study.OptimizeOptions.trials(n).threads(p));
    double localMs = (System.nanoTime() - t0) / 1e6 / n;
    Study tasks =
        Study.builder().name("tasks").sampler(RandomSampler.builder().seed(0).build()).build();
    t0 = System.nanoTime();
    SparkOptimizer.on(spark)
        .parallelism(p)
        .sampler(() -> RandomSampler.builder().seed(0).build())
        .optimize(tasks, trivial, n);
    double sparkMs = (System.nanoTime() - t0) / 1e6 / n;
    System.out.println(
        "master\ttrials\tparallelism\tstudy.optimize_ms_per_trial\tspark_tasks_ms_per_trial"
            + "\toverhead_ms_per_trial\tspark_tasks_ms_per_trial_per_slot");
    System.out.printf(
        "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f%n",
        master, n, p, localMs, sparkMs, sparkMs - localMs, sparkMs * p);
    spark.stop();
  }
}
