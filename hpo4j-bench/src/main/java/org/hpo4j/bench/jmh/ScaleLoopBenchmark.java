package org.hpo4j.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hpo4j.bench.ScaleBenchmark;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Study;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH form of {@link ScaleBenchmark}'s prefill mode: one operation is one whole trial (ask, 8 float
 * suggestions, evaluate, tell) of a study that holds {@code trials} trials, in memory. Each
 * iteration starts from a fresh prefilled study, so the study grows by one batch at most.
 *
 * <p>Run: {@code java -cp hpo4j-bench/target/classes:$(cat cp.txt) org.openjdk.jmh.Main ScaleLoop}
 * (docs/scale/run.sh runs the plain main class, which also reports heap and CPU time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, batchSize = 20)
@Measurement(iterations = 3, batchSize = 20)
@Fork(1)
public class ScaleLoopBenchmark {
  @Param({"1000", "10000", "20000", "100000"})
  int trials;

  @Param({"tpe"})
  String sampler;

  private Study study;

  @Setup(Level.Iteration)
  public void setUp() {
    study = ScaleBenchmark.prefilled(Samplers.create(sampler, 0, Map.of()), trials - 20);
  }

  @Benchmark
  public void trial() {
    study.optimize(ScaleBenchmark::objective, 1);
  }
}
