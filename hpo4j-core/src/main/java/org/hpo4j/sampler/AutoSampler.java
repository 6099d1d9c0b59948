package org.hpo4j.sampler;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Picks a sampler for each trial from what the study looks like, so a user who does not know which
 * to choose gets a good one. Below {@link #GP_MAX_TRIALS} complete trials: the GP for every
 * single-objective space (numeric, categorical, conditional, changing, constrained) and for two
 * objectives; MOTPE for three or more. Past that, where the GP's cubic cost would dominate,
 * multivariate TPE for one objective and MOTPE for several. Falls back to whatever of these is on
 * the class path, and to random search last.
 *
 * <p>Measured in docs/bench/gp24/README.md (seeds 0-9, beside the reference framework run on the
 * same machine): at 100 trials the GP has the lowest median final regret of our samplers on the
 * conditional suite, on mixed_conditional and on six of the seven numeric functions (styblinski8:
 * the RL sampler); at 200 trials its median hypervolume is above MOTPE's on ZDT1-3 (two objectives)
 * but below it on DTLZ2 (three), hence the split by the number of objectives.
 *
 * <p>Thread-safe. The choice for a trial is made in {@link #beforeTrial} and kept for that trial.
 */
final class AutoSampler implements Sampler {
  static final int GP_MAX_TRIALS = 200;

  /** The GP is chosen for at most this many objectives (measured better on two, worse on three). */
  static final int MAX_GP_OBJECTIVES = 2;

  private final long seed;
  private final Map<String, Sampler> delegates = new ConcurrentHashMap<>();
  private final Map<Long, Sampler> chosen = new ConcurrentHashMap<>();

  private AutoSampler(long seed) {
    this.seed = seed;
  }

  /**
   * @return a builder; without {@code seed(..)} every sampler built draws a fresh seed
   */
  public static SeedOnlyBuilder<AutoSampler> builder() {
    return new SeedOnlyBuilder<>(AutoSampler::new);
  }

  private Sampler delegate(String... preferences) {
    Set<String> known = Samplers.known();
    for (String name : preferences) {
      if (known.contains(name)) {
        return delegates.computeIfAbsent(name, n -> Samplers.create(n, seed, Map.of()));
      }
    }
    return delegates.computeIfAbsent("random", n -> RandomSampler.builder().seed(seed).build());
  }

  Sampler choose(StudyView study) {
    int complete = study.completeTrials().size();
    if (study.isMultiObjective()) {
      return complete < GP_MAX_TRIALS && study.directions().size() <= MAX_GP_OBJECTIVES
          ? delegate("gp", "motpe", "nsga2")
          : delegate("motpe", "nsga2", "tpe_mv");
    }
    return complete < GP_MAX_TRIALS ? delegate("gp", "tpe_mv", "tpe") : delegate("tpe_mv", "tpe");
  }

  private Sampler of(FrozenTrial trial) {
    Sampler s = chosen.get(trial.id());
    return s != null ? s : delegate("random");
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    Sampler s = choose(study);
    chosen.put(trial.id(), s);
    s.beforeTrial(study, trial);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return of(trial).inferRelativeSearchSpace(study, trial);
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return of(trial).sampleRelative(study, trial, space);
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return of(trial).sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    Sampler s = chosen.remove(trial.id());
    (s != null ? s : delegate("random")).afterTrial(study, trial, state, values);
  }

  @Override
  public String toString() {
    return "AutoSampler(seed=" + seed + ", using " + delegates.keySet() + ")";
  }
}
