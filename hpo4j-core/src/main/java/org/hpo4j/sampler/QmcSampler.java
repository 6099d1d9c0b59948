package org.hpo4j.sampler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.math.Sobol;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Quasi-random search: trial n takes point n of a scrambled Sobol sequence, so the first 2^k trials
 * cover the unit cube more evenly than independent draws (Owen 1998; Joe and Kuo 2008 for the
 * direction numbers). Define-by-run friendly: each parameter gets the next Sobol coordinate the
 * first time any trial asks for it; parameters past the sequence's dimension fall back to seeded
 * random draws.
 *
 * <p>Thread-safe: the point of a trial depends only on its number.
 */
public final class QmcSampler implements Sampler {
  static final int DIMENSION = 64;

  private final long seed;
  private final Sobol sobol;
  private final Map<String, Integer> coordinates = new ConcurrentHashMap<>();
  private long cachedNumber = -1;
  private final double[] cached = new double[DIMENSION];

  private QmcSampler(long seed) {
    this.seed = seed;
    this.sobol = Sobol.scrambled(DIMENSION, seed);
  }

  /**
   * @return a builder; without {@code seed(..)} every sampler built draws a fresh seed
   */
  public static SeedOnlyBuilder<QmcSampler> builder() {
    return new SeedOnlyBuilder<>(QmcSampler::new);
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    int coordinate;
    synchronized (coordinates) {
      coordinate = coordinates.computeIfAbsent(name, k -> coordinates.size());
    }
    if (coordinate >= DIMENSION) {
      return distribution.fromUnit(SeededStreams.of(seed, trial.number(), name).nextDouble());
    }
    return distribution.fromUnit(point(trial.number())[coordinate]);
  }

  private synchronized double[] point(long n) {
    if (n != cachedNumber) {
      if (sobol.index() > n) {
        Sobol fresh = Sobol.scrambled(DIMENSION, seed);
        fresh.skip(n);
        fresh.next(cached);
      } else {
        sobol.skip(n - sobol.index());
        sobol.next(cached);
      }
      cachedNumber = n;
    }
    return cached.clone();
  }

  @Override
  public String toString() {
    return "QmcSampler(seed=" + seed + ")";
  }
}
