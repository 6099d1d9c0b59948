package org.hpo4j.space;

/**
 * The domain of one parameter. Samplers work on an <em>internal</em> double: the plain value for
 * floats and ints (never its logarithm: a sampler applies {@code log()} itself), the index of the
 * choice for categoricals. {@link #toUnit}/{@link #fromUnit} map that internal value to and from
 * the unit interval, honouring log scale and steps, so a sampler that thinks in [0, 1] needs no
 * case analysis.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Distribution
    permits FloatDistribution, IntDistribution, CategoricalDistribution {

  /**
   * @return the internal double of a user value
   * @throws IllegalArgumentException when the value is not in this distribution
   */
  double toInternal(Object value);

  /**
   * @return the user value of an internal double (Double, Long or the categorical choice)
   */
  Object toExternal(double internal);

  /**
   * @return whether {@code internal} is a legal internal value (in range, on the step grid)
   */
  boolean contains(double internal);

  /**
   * @return whether this distribution has exactly one value
   */
  boolean isSingle();

  /**
   * Maps u in [0, 1] to a legal internal value, uniformly in the sampling space (log space for log
   * distributions, equal mass per step or choice otherwise).
   */
  double fromUnit(double u);

  /** Inverse of {@link #fromUnit}: the position of a legal internal value in [0, 1]. */
  double toUnit(double internal);

  /**
   * @return the nearest legal internal value to any double (clamped, rounded to the step or choice)
   */
  double snap(double internal);

  /**
   * @return the number of distinct values, or {@code Long.MAX_VALUE} for a continuous range
   */
  long cardinality();
}
