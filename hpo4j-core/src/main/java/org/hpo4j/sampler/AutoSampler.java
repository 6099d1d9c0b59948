package org.hpo4j.sampler;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Picks a sampler for each trial from what the study looks like, so a user who does not know which
 * to choose gets a good one: NSGA-II for several objectives; the GP for small budgets over a fixed
 * space of numeric parameters, where it is the most sample-efficient; multivariate TPE otherwise
 * (categorical or conditional parameters, long studies where the GP's cubic cost would dominate).
 * Falls back to whatever of these is on the class path, and to random search last.
 *
 * <p>Thread-safe. The choice for a trial is made in {@link #beforeTrial} and kept for that trial.
 */
public final class AutoSampler implements Sampler {
  static final int GP_MAX_TRIALS = 200;

  private final long seed;
  private final Map<String, Sampler> delegates = new ConcurrentHashMap<>();
  private final Map<Long, Sampler> chosen = new ConcurrentHashMap<>();

  private AutoSampler(long seed) {
    this.seed = seed;
  }

  /** @return a builder; without {@link Builder#seed} every sampler built draws a fresh seed */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of an {@link AutoSampler}. Not thread-safe. */
  public static final class Builder {
    private Long seed;

    private Builder() {}

    /** Seed handed to every sampler it delegates to (default: a fresh one per sampler). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** @return the sampler */
    public AutoSampler build() {
      return new AutoSampler(seed == null ? SeededStreams.freshSeed() : seed);
    }
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
    if (study.isMultiObjective()) {
      return delegate("nsga2", "tpe_mv", "tpe");
    }
    List<FrozenTrial> complete = study.completeTrials();
    if (complete.size() < GP_MAX_TRIALS && numericFixedSpace(complete)) {
      return delegate("gp", "tpe_mv", "tpe");
    }
    return delegate("tpe_mv", "tpe");
  }

  /** True when every complete trial has the same parameters and none is categorical. */
  static boolean numericFixedSpace(List<FrozenTrial> complete) {
    Set<String> names = null;
    for (FrozenTrial t : complete) {
      for (Distribution d : t.distributions().values()) {
        if (d instanceof CategoricalDistribution) {
          return false;
        }
      }
      if (names == null) {
        names = new HashSet<>(t.internalParams().keySet());
      } else if (!names.equals(t.internalParams().keySet())) {
        return false;
      }
    }
    return true;
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
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return of(trial).sampleRelative(study, trial, space);
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return of(trial).sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    Sampler s = chosen.remove(trial.id());
    (s != null ? s : delegate("random")).afterTrial(study, trial, state, values);
  }

  @Override
  public String toString() {
    return "AutoSampler(seed=" + seed + ", using " + delegates.keySet() + ")";
  }
}
