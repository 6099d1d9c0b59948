package org.hpo4j.sampler;

import java.util.SplittableRandom;

/**
 * Derives a random stream from (seed, trial number, parameter name), so a seeded study draws the
 * same values for the same trial whatever order threads happen to ask in.
 */
public final class SeededStreams {
  private SeededStreams() {}

  /**
   * @return a fresh generator determined by its three keys
   */
  public static SplittableRandom of(long seed, long trialNumber, String name) {
    long h = mix(seed * 0x9E3779B97F4A7C15L + trialNumber);
    h = mix(h ^ (name == null ? 0 : name.hashCode()));
    return new SplittableRandom(h);
  }

  /**
   * @return a fresh generator determined by the seed and the trial number
   */
  public static SplittableRandom of(long seed, long trialNumber) {
    return new SplittableRandom(mix(mix(seed) + trialNumber * 0xBF58476D1CE4E5B9L));
  }

  /**
   * @return a seed for a sampler built without one: different in every call, so that unseeded
   *     studies explore different points, as users of other frameworks expect
   */
  public static long freshSeed() {
    return FRESH.nextLong();
  }

  private static final java.security.SecureRandom FRESH = new java.security.SecureRandom();

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
