package org.hpo4j.bench.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time of one TPE suggest (all 8 float parameters of a new trial) over a history of {@code
 * finishedTrials} COMPLETE trials, for the default multivariate TPE ({@code tpe}, also named {@code
 * tpe_mv}) and univariate TPE ({@code tpe_uni}). The history sits in a fixed in-memory view, so
 * storage reads are not measured; each invocation is a new trial, so per-trial caches miss while
 * the sampler's history cache stays warm, as in a running study where one trial was added since the
 * last suggest.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl hpo4j-bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench-cp.txt
 * java -cp hpo4j-bench/target/classes:$(cat /tmp/bench-cp.txt) org.openjdk.jmh.Main TpeSuggestBenchmark
 * </pre>
 *
 * On a loaded machine, {@link TpeSuggestCpuTime} measures the same suggest in CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TpeSuggestBenchmark {
  private static final int DIMS = 8;

  @Param({"100", "1000", "10000"})
  int finishedTrials;

  @Param({"tpe", "tpe_uni"})
  String sampler;

  private Sampler tpe;
  private View view;
  private final Map<String, Distribution> space = new LinkedHashMap<>();
  private int next;

  /** A study view over a fixed history. */
  private record View(List<FrozenTrial> history) implements StudyView {
    @Override
    public String name() {
      return "bench";
    }

    @Override
    public List<StudyDirection> directions() {
      return List.of(StudyDirection.MINIMIZE);
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
      return history;
    }
  }

  @Setup
  public void setUp() {
    for (int j = 0; j < DIMS; j++) {
      space.put("x" + j, new FloatDistribution(-5, 5));
    }
    SplittableRandom rng = new SplittableRandom(42);
    List<FrozenTrial> history = new ArrayList<>();
    for (int i = 0; i < finishedTrials; i++) {
      Map<String, Double> params = new LinkedHashMap<>();
      double f = 0;
      for (String name : space.keySet()) {
        double x = -5 + 10 * rng.nextDouble();
        params.put(name, x);
        f += x * x;
      }
      history.add(
          new FrozenTrial(
              i,
              i,
              TrialState.COMPLETE,
              params,
              space,
              List.of(f),
              new TreeMap<>(),
              Map.of(),
              Map.of(),
              Instant.EPOCH,
              Instant.EPOCH));
    }
    view = new View(List.copyOf(history));
    tpe = Samplers.create(sampler, 0, Map.of());
    next = finishedTrials;
  }

  @Benchmark
  public void suggest(Blackhole bh) {
    bh.consume(suggestOnce());
  }

  /** One suggest of all parameters of a new trial; @return the sum of the proposed values */
  double suggestOnce() {
    int number = next++;
    FrozenTrial trial =
        new FrozenTrial(
            number,
            number,
            TrialState.RUNNING,
            Map.of(),
            Map.of(),
            List.of(),
            new TreeMap<>(),
            Map.of(),
            Map.of(),
            Instant.EPOCH,
            null);
    Map<String, Distribution> relative = tpe.inferRelativeSearchSpace(view, trial);
    Map<String, Double> proposed =
        relative.isEmpty() ? Map.of() : tpe.sampleRelative(view, trial, relative);
    double sum = 0;
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      Double v = proposed.get(e.getKey());
      sum += v != null ? v : tpe.sampleIndependent(view, trial, e.getKey(), e.getValue());
    }
    tpe.afterTrial(view, trial, TrialState.COMPLETE, List.of(0.0));
    return sum;
  }
}
