package org.hpo4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The framework's own cost per trial: random sampler, in-memory storage, a two-parameter objective
 * that costs nothing. One operation is a whole study of 1,000 trials on {@code threads} threads, so
 * trials per second = 1,000 / (seconds per op).
 *
 * <p>Run: {@code ./hpo --version && java -cp
 * "hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*" org.openjdk.jmh.Main OptimizeOverhead}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OptimizeOverheadBenchmark {
  static final int TRIALS = 1000;

  @Param({"1", "8"})
  int threads;

  @Benchmark
  public int study() {
    Study study = Study.builder().sampler(RandomSampler.builder().seed(0).build()).build();
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", -10, 10);
          double y = t.suggestFloat("y", -10, 10);
          return x * x + y * y;
        },
        OptimizeOptions.trials(TRIALS).threads(threads));
    return study.finishedTrialCount();
  }
}
