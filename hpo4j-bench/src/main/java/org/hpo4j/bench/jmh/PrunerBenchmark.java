package org.hpo4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.hpo4j.pruner.ParetoPercentilePruner;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.pruner.WilcoxonPruner;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@code shouldPrune} decision against a history of {@code finishedTrials} COMPLETE
 * trials of 50 steps each (in-memory storage), for the read-only pruners that consult the history
 * at every step. ASHA and Hyperband read the history only when a trial reaches a rung.
 *
 * <p>Run: {@code mvn -q -pl hpo4j-bench -am package -DskipTests && java -cp
 * "hpo4j-bench/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main PrunerBenchmark -f 1 -wi 2 -i 3}
 * (write cp.txt with {@code mvn -q -pl hpo4j-bench dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PrunerBenchmark {
  @Param({"100", "1000"})
  int finishedTrials;

  @Param({"median", "pareto", "wilcoxon"})
  String pruner;

  private Study study;
  private FrozenTrial running;
  private Pruner p;

  @Setup
  public void setUp() {
    p =
        switch (pruner) {
          case "median" -> Pruner.median();
          case "pareto" -> ParetoPercentilePruner.builder().percentile(50).build();
          default -> WilcoxonPruner.builder().pThreshold(0.1).startupSteps(2).build();
        };
    study = Study.builder().storage(Storages.inMemory()).build();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(0);
    for (int i = 0; i < finishedTrials; i++) {
      Trial t = study.ask();
      double a = rnd.nextDouble();
      for (int s = 0; s < 50; s++) {
        t.report(s, a + 1.0 / (s + 1));
      }
      study.tell(t, a);
    }
    Trial t = study.ask();
    for (int s = 0; s < 20; s++) {
      t.report(s, 0.5 + 1.0 / (s + 1));
    }
    running = study.trials().get(finishedTrials);
  }

  @Benchmark
  public boolean shouldPrune() {
    return p.shouldPrune(study, running);
  }
}
