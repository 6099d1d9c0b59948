package org.hpo4j.space;

import static org.hpo4j.Checks.requireArgument;

/**
 * An integer parameter on {low, low + step, ..., high}, optionally log-uniform (then step must be 1
 * and low &gt;= 1). Internally a double holding the integer.
 *
 * @param low smallest value, inclusive
 * @param high largest value, inclusive
 * @param log sample uniformly in log space
 * @param step grid spacing, at least 1
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

  /** Validates with the generic name "parameter"; prefer {@link #of} which names the parameter. */
  public IntDistribution {
    validate("parameter", low, high, log, step);
  }

  /** A plain uniform integer range with step 1. */
  public IntDistribution(long low, long high) {
    this(low, high, false, 1);
  }

  /**
   * @throws IllegalArgumentException naming {@code name} and the rule that failed
   */
  public static IntDistribution of(String name, long low, long high, boolean log, long step) {
    validate(name, low, high, log, step);
    return new IntDistribution(low, high, log, step);
  }

  private static void validate(String name, long low, long high, boolean log, long step) {
    requireArgument(
        low <= high, "low <= high must hold for '%s', but got low=%s, high=%s", name, low, high);
    requireArgument(step >= 1, "step >= 1 must hold for '%s', but got step=%s", name, step);
    requireArgument(
        (high - low) % step == 0,
        "step must divide high - low for '%s', but got low=%s, high=%s, step=%s",
        name,
        low,
        high,
        step);
    if (log) {
      requireArgument(
          low >= 1, "low >= 1 must hold for '%s' on a log scale, but got low=%s", name, low);
      requireArgument(
          step == 1, "step and log cannot be combined for '%s', but got step=%s", name, step);
    }
  }

  private long steps() {
    return (high - low) / step;
  }

  @Override
  public double toInternal(Object value) {
    requireArgument(value instanceof Number, "an int parameter needs a number, but got %s", value);
    double x = ((Number) value).doubleValue();
    requireArgument(contains(x), "%s is not in %s", value, this);
    return x;
  }

  @Override
  public Object toExternal(double internal) {
    return Math.round(internal);
  }

  @Override
  public boolean contains(double x) {
    return x >= low && x <= high && x == Math.rint(x) && ((long) x - low) % step == 0;
  }

  @Override
  public boolean isSingle() {
    return low == high;
  }

  /**
   * Log scale: uniform in log over [low - 1/2, high + 1/2], then rounded, so every value has mass.
   */
  @Override
  public double fromUnit(double u) {
    if (log) {
      double x = Domain.fromUnit(u, low - 0.5, high + 0.5, true);
      return snap(x);
    }
    long n = steps();
    long k = Math.min(n, (long) Math.floor(Domain.clamp(u, 0, 1) * (n + 1)));
    return low + k * step;
  }

  @Override
  public double toUnit(double x) {
    if (log) {
      return Domain.toUnit(Domain.clamp(x, low, high), low - 0.5, high + 0.5, true);
    }
    long n = steps();
    double k = Math.rint((Domain.clamp(x, low, high) - low) / step);
    return (k + 0.5) / (n + 1);
  }

  @Override
  public double snap(double x) {
    double c = Domain.clamp(Double.isNaN(x) ? low : x, low, high);
    return Math.min(high, low + Math.rint((c - low) / step) * step);
  }

  @Override
  public long cardinality() {
    return steps() + 1;
  }
}
