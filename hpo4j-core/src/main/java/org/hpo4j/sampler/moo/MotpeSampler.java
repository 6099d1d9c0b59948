package org.hpo4j.sampler.moo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hpo4j.Experimental;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.tpe.TpeSampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Multi-objective TPE (Ozaki, Tanigaki, Watanabe and Onishi, "Multiobjective tree-structured Parzen
 * estimator for computationally expensive optimization problems", GECCO 2020): TPE whose good/bad
 * split ranks trials by non-domination (feasible first, infeasible by violation) and breaks ties in
 * the split front by greedy hypervolume contribution ({@link BestSubset}).
 *
 * <p>Orchestration only: each trial gets a fresh single-objective {@link TpeSampler} looking at a
 * {@link ScoredView} of the study, in which a trial's one value is its position in that order. The
 * TPE itself (Parzen estimators, candidates, seeding) is the project's, unchanged. A fresh TPE per
 * trial is needed because a trial's position changes as later trials arrive, while TPE caches the
 * loss of a trial once seen.
 *
 * <p>Thread-safe: per-trial state lives in a concurrent map, removed when the trial finishes.
 */
@Experimental
public final class MotpeSampler implements Sampler {
  private final Supplier<Sampler> tpe;
  private final String description;
  private final Map<Long, PerTrial> perTrial = new ConcurrentHashMap<>();

  private record PerTrial(Sampler tpe, StudyView view) {}

  private MotpeSampler(Supplier<Sampler> tpe, String description) {
    this.tpe = tpe;
    this.description = description;
  }

  /**
   * @param seed the seed of every random choice
   * @param multivariate a joint Parzen estimator over the parameters instead of one per parameter
   * @param nStartupTrials random trials before TPE starts (TPE's default is 10)
   * @throws IllegalArgumentException when nStartupTrials is negative
   */
  public static MotpeSampler of(long seed, boolean multivariate, int nStartupTrials) {
    TpeSampler.builder().nStartupTrials(nStartupTrials); // validates eagerly
    return new MotpeSampler(
        () -> TpeSampler.builder().seed(seed).multivariate(multivariate).nStartupTrials(nStartupTrials).build(),
        "MotpeSampler(seed=" + seed + ", multivariate=" + multivariate + ", nStartupTrials=" + nStartupTrials + ")");
  }

  private PerTrial of(StudyView study, FrozenTrial trial) {
    return perTrial.computeIfAbsent(trial.id(), id -> new PerTrial(tpe.get(), new ScoredView(study)));
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    PerTrial p = of(study, trial);
    p.tpe().beforeTrial(p.view(), trial);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    PerTrial p = of(study, trial);
    return p.tpe().inferRelativeSearchSpace(p.view(), trial);
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    PerTrial p = of(study, trial);
    return p.tpe().sampleRelative(p.view(), trial, space);
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    PerTrial p = of(study, trial);
    return p.tpe().sampleIndependent(p.view(), trial, name, distribution);
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    PerTrial p = perTrial.remove(trial.id());
    if (p != null) {
      p.tpe().afterTrial(p.view(), trial, state, List.of());
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
