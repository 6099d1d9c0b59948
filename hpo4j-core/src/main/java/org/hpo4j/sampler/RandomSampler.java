package org.hpo4j.sampler;

import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Independent uniform draws in each parameter's sampling space (log space for log parameters, equal
 * mass per step or choice). The baseline every other sampler must beat, and the start-up phase of
 * most of them. Reads no history, so it costs nanoseconds at any study size.
 *
 * <p>Thread-safe and stateless: the draw for a parameter depends only on (seed, trial number,
 * name).
 */
public final class RandomSampler implements Sampler {
  private final long seed;

  private RandomSampler(long seed) {
    this.seed = seed;
  }

  /**
   * @return a builder; without {@code seed(..)} every sampler built draws a fresh seed
   */
  public static SeedOnlyBuilder<RandomSampler> builder() {
    return new SeedOnlyBuilder<>(RandomSampler::new);
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return distribution.fromUnit(SeededStreams.of(seed, trial.number(), name).nextDouble());
  }

  @Override
  public String toString() {
    return "RandomSampler(seed=" + seed + ")";
  }
}
