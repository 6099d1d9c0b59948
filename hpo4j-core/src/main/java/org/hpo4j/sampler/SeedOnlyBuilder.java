package org.hpo4j.sampler;

import java.util.function.LongFunction;

/**
 * The builder of a sampler whose only setting is its seed ({@link RandomSampler}, {@link
 * QmcSampler}, {@link AutoSampler}), so that every sampler is still built the same way: {@code
 * RandomSampler.builder().seed(1).build()}. Not thread-safe.
 *
 * @param <S> the sampler built
 */
public final class SeedOnlyBuilder<S extends Sampler> {
  private final LongFunction<S> factory;
  private Long seed;

  SeedOnlyBuilder(LongFunction<S> factory) {
    this.factory = factory;
  }

  /** Seed of every random choice (default: a fresh one per sampler built). */
  public SeedOnlyBuilder<S> seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * @return the sampler
   */
  public S build() {
    return factory.apply(seed == null ? SeededStreams.freshSeed() : seed);
  }
}
