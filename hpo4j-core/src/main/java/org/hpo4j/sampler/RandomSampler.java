package org.hpo4j.sampler;

import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Independent uniform draws in each parameter's sampling space (log space for log parameters, equal
 * mass per step or choice). The baseline every other sampler must beat, and the start-up phase of
 * most of them. Reads no history, so it costs nanoseconds at any study size.
 *
 * <p>Thread-safe and stateless: the draw for a parameter depends only on (seed, trial number, name).
 */
public final class RandomSampler implements Sampler {
  private final long seed;

  private RandomSampler(long seed) {
    this.seed = seed;
  }

  /** @return a builder; without {@link Builder#seed} every sampler built draws a fresh seed */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link RandomSampler}. Not thread-safe. */
  public static final class Builder {
    private Long seed;

    private Builder() {}

    /** Seed of every draw (default: a fresh one per sampler). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** @return the sampler */
    public RandomSampler build() {
      return new RandomSampler(seed == null ? SeededStreams.freshSeed() : seed);
    }
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return distribution.fromUnit(SeededStreams.of(seed, trial.number(), name).nextDouble());
  }

  @Override
  public String toString() {
    return "RandomSampler(seed=" + seed + ")";
  }
}
