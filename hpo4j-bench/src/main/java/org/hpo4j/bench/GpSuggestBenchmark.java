package org.hpo4j.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hpo4j.gp.GpSampler;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
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
 * Time of one GP proposal ({@code sampleRelative}, log EI) over a history of finished trials with 6
 * float parameters: the steady state between hyperparameter refits (warm-started refit up to 200
 * trials; past that, the factor is reused and refits happen every 10% growth, not measured here).
 *
 * <p>Run: {@code ./hpo bench --help >/dev/null; java -cp
 * "hpo4j-cli/target/lib/*:hpo4j-cli/target/hpo4j-cli.jar" org.openjdk.jmh.Main GpSuggestBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GpSuggestBenchmark {
  @Param({"100", "300", "1000"})
  int finishedTrials;

  private GpSampler sampler;
  private Study study;
  private FrozenTrial trial;
  private Map<String, Distribution> space;

  @Setup(Level.Trial)
  public void setUp() {
    Storage storage = Storages.inMemory();
    SplittableRandom rng = new SplittableRandom(42);
    double[] shift = {0.2, 0.15, 0.48, 0.28, 0.31, 0.66};
    Study.builder()
        .name("gp-bench")
        .storage(storage)
        .sampler(RandomSampler.builder().seed(7).build())
        .build()
        .optimize(
            t -> {
              double s = 0;
              for (int j = 0; j < 6; j++) {
                double x = t.suggestFloat("x" + j, 0, 1);
                s += (x - shift[j]) * (x - shift[j]) * (1 + j);
              }
              return s + 0.01 * rng.nextDouble();
            },
            finishedTrials);
    sampler = GpSampler.builder().seed(0).build();
    study =
        Study.builder()
            .name("gp-bench")
            .storage(storage)
            .loadIfExists(true)
            .sampler(sampler)
            .build();
    trial = study.completeTrials().get(0);
    space = sampler.inferRelativeSearchSpace(study, trial);
    sampler.sampleRelative(study, trial, space);
  }

  @Benchmark
  public Map<String, Double> suggest() {
    return sampler.sampleRelative(study, trial, space);
  }
}
