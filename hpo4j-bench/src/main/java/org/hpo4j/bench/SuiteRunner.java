package org.hpo4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.math.pareto.Hypervolume;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.MultiObjectiveFunction;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Runs one (sampler, function, seed) of the suite in process and turns the study into a {@link
 * BenchResult}: the regret trace and the wall-clock time of the whole loop, which with these nearly
 * free functions is the sampler's overhead.
 */
public final class SuiteRunner {
  /** The {@code peer} field: identifies this framework and version in a comparison. */
  public static final String PEER = "hpo4j-" + Version.get();

  private SuiteRunner() {}

  /**
   * @throws IllegalArgumentException for an unknown sampler name (listing the known ones)
   */
  public static BenchResult run(String samplerName, BenchmarkFunction f, long seed, int trials) {
    Sampler sampler =
        "grid".equals(samplerName)
            ? BenchGrid.forFunction(f, trials, seed)
            : Samplers.create(samplerName, seed, Map.of());
    Study study =
        Study.builder().name(samplerName + "-" + f.name() + "-" + seed).sampler(sampler).build();
    long t0 = System.nanoTime();
    study.optimize(f::evaluate, trials);
    double wall = (System.nanoTime() - t0) / 1e9;
    return new BenchResult(
        PEER,
        samplerName,
        f.name(),
        seed,
        trials,
        regretTrace(study.trials(), f.optimum(), trials),
        null,
        wall);
  }

  /**
   * Runs one (sampler, multi-objective function, seed): the trace is the hypervolume, with respect
   * to the spec's reference point, of the front of trials 1..i+1; a failed trial repeats the
   * previous entry.
   */
  public static BenchResult runMulti(
      String samplerName, MultiObjectiveFunction f, long seed, int trials) {
    Sampler sampler = Samplers.create(samplerName, seed, Map.of());
    StudyDirection[] dirs = new StudyDirection[f.objectives()];
    java.util.Arrays.fill(dirs, StudyDirection.MINIMIZE);
    Study study =
        Study.builder()
            .name(samplerName + "-" + f.name() + "-" + seed)
            .directions(dirs)
            .sampler(sampler)
            .build();
    long t0 = System.nanoTime();
    study.optimizeMulti(f::evaluate, trials);
    double wall = (System.nanoTime() - t0) / 1e9;
    double[] ref = f.referencePoint();
    List<double[]> points = new ArrayList<>();
    for (FrozenTrial t : study.trials()) {
      points.add(
          t.state() == TrialState.COMPLETE
              ? t.values().stream().mapToDouble(Double::doubleValue).toArray()
              : ref.clone());
    }
    List<Double> trace = new ArrayList<>();
    for (double v : Hypervolume.trace(points, ref)) {
      trace.add(v);
    }
    while (trace.size() < trials) {
      trace.add(trace.isEmpty() ? 0.0 : trace.get(trace.size() - 1));
    }
    return new BenchResult(PEER, samplerName, f.name(), seed, trials, null, trace, wall);
  }

  /**
   * Best-so-far minus optimum after each trial, over feasible trials only (those of a function
   * without constraints all are); a failed trial repeats the previous entry, and entries before the
   * first completed trial are null. A grid that runs out pads with its last entry.
   */
  static List<Double> regretTrace(List<FrozenTrial> trials, double optimum, int length) {
    List<Double> trace = new ArrayList<>(length);
    double best = Double.POSITIVE_INFINITY;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.value() < best && Constraints.isFeasible(t)) {
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
