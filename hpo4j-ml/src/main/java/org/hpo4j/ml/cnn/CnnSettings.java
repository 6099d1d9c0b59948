package org.hpo4j.ml.cnn;

/**
 * How {@link CnnObjective} trains and validates; fixed for a study.
 *
 * @param epochs training epochs per evaluation, at least 1
 * @param validFraction share of rows used to validate each evaluation, in (0, 1)
 * @param testFraction share of rows held out for the final test, in [0, 1); 0 disables holdout
 * @param maxTrainRows cap on training rows (0 = all), to keep quick runs and tests small
 * @param channels image channels; the pixels per row must be {@code channels * side * side}
 * @param threads PyTorch intra-op threads, at least 1; takes effect only if set before the engine
 *     first loads in this JVM
 * @param seed seeds the splits, shuffling and weight initialisation
 * @param isolated train each evaluation in a child JVM (the default; see {@link CnnObjective}), or
 *     in this JVM when false
 */
public record CnnSettings(
    int epochs,
    double validFraction,
    double testFraction,
    int maxTrainRows,
    int channels,
    int threads,
    long seed,
    boolean isolated) {

  /** Settings that train each evaluation in a child JVM. */
  public CnnSettings(
      int epochs,
      double validFraction,
      double testFraction,
      int maxTrainRows,
      int channels,
      int threads,
      long seed) {
    this(epochs, validFraction, testFraction, maxTrainRows, channels, threads, seed, true);
  }

  /**
   * @throws IllegalArgumentException naming the field whose value is out of range
   */
  public CnnSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("'epochs' must be >= 1, but got " + epochs);
    }
    if (!(validFraction > 0 && validFraction < 1)) {
      throw new IllegalArgumentException(
          "'valid_fraction' must be in (0, 1), but got " + validFraction);
    }
    if (!(testFraction >= 0 && testFraction < 1) || validFraction + testFraction >= 1) {
      throw new IllegalArgumentException(
          String.format(
              "'test_fraction' must be in [0, 1) with valid_fraction + test_fraction < 1, but got %s",
              testFraction));
    }
    if (maxTrainRows < 0) {
      throw new IllegalArgumentException("'max_train_rows' must be >= 0, but got " + maxTrainRows);
    }
    if (channels < 1) {
      throw new IllegalArgumentException("'channels' must be >= 1, but got " + channels);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("'nthread' must be >= 1, but got " + threads);
    }
  }

  /** The same settings, training in a child JVM per evaluation or in this JVM. */
  public CnnSettings withIsolated(boolean isolated) {
    return new CnnSettings(
        epochs, validFraction, testFraction, maxTrainRows, channels, threads, seed, isolated);
  }

  /** 3 epochs, 20% validation, 20% test, all rows, one channel, one thread, isolated. */
  public static CnnSettings defaults(long seed) {
    return new CnnSettings(3, 0.2, 0.2, 0, 1, 1, seed);
  }
}
