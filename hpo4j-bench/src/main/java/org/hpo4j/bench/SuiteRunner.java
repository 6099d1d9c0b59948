package org.hpo4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Study;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Runs one (sampler, function, seed) of the suite in process and turns the study into a
 * {@link BenchResult}: the regret trace and the wall-clock time of the whole loop, which with these
 * nearly free functions is the sampler's overhead.
 */
public final class SuiteRunner {
  /** The {@code peer} field: identifies this framework and version in a comparison. */
  public static final String PEER = "hpo4j-" + Version.get();

  private SuiteRunner() {}

  /**
   * @throws IllegalArgumentException for an unknown sampler name (listing the known ones)
   */
  public static BenchResult run(String samplerName, BenchmarkFunction f, long seed, int trials) {
    Sampler sampler = "grid".equals(samplerName)
        ? BenchGrid.forFunction(f, trials, seed)
        : Samplers.create(samplerName, seed, Map.of());
    Study study = Study.builder().name(samplerName + "-" + f.name() + "-" + seed).sampler(sampler).build();
    long t0 = System.nanoTime();
    study.optimize(f::evaluate, trials);
    double wall = (System.nanoTime() - t0) / 1e9;
    return new BenchResult(PEER, samplerName, f.name(), seed, trials, regretTrace(study.trials(), f.optimum(), trials),
        null, wall);
  }

  /**
   * Best-so-far minus optimum after each trial; a failed trial repeats the previous entry, and
   * entries before the first completed trial are null. A grid that runs out pads with its last entry.
   */
  static List<Double> regretTrace(List<FrozenTrial> trials, double optimum, int length) {
    List<Double> trace = new ArrayList<>(length);
    double best = Double.POSITIVE_INFINITY;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.value() < best) {
        best = t.value();
      }
      trace.add(Double.isInfinite(best) ? null : best - optimum);
    }
    while (trace.size() < length) {
      trace.add(trace.isEmpty() ? null : trace.get(trace.size() - 1));
    }
    return trace;
  }
}
