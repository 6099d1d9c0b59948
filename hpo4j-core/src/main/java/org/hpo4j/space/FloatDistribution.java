package org.hpo4j.space;

import static org.hpo4j.Checks.requireArgument;

/**
 * A real parameter on [low, high]: uniform, log-uniform ({@code log}, needs low &gt; 0) or on the
 * grid {@code low + k * step} ({@code step} null for none; not combinable with log).
 *
 * @param low smallest value, inclusive
 * @param high largest value, inclusive
 * @param log sample uniformly in log space
 * @param step grid spacing, or null
 */
public record FloatDistribution(double low, double high, boolean log, Double step)
    implements Distribution {

  /** Validates with the generic name "parameter"; prefer {@link #of} which names the parameter. */
  public FloatDistribution {
    validate("parameter", low, high, log, step);
  }

  /** A plain uniform range. */
  public FloatDistribution(double low, double high) {
    this(low, high, false, null);
  }

  /**
   * @throws IllegalArgumentException naming {@code name} and the rule that failed
   */
  public static FloatDistribution of(
      String name, double low, double high, boolean log, Double step) {
    validate(name, low, high, log, step);
    return new FloatDistribution(low, high, log, step);
  }

  private static void validate(String name, double low, double high, boolean log, Double step) {
    requireArgument(
        Double.isFinite(low) && Double.isFinite(high),
        "low and high must be finite for '%s', but got low=%s, high=%s",
        name,
        low,
        high);
    requireArgument(
        low <= high, "low <= high must hold for '%s', but got low=%s, high=%s", name, low, high);
    if (log) {
      requireArgument(
          low > 0, "low > 0 must hold for '%s' on a log scale, but got low=%s", name, low);
      requireArgument(
          step == null, "step and log cannot be combined for '%s', but got step=%s", name, step);
    }
    if (step != null) {
      requireArgument(
          step > 0 && Double.isFinite(step),
          "step > 0 must hold for '%s', but got step=%s",
          name,
          step);
      double k = (high - low) / step;
      requireArgument(
          Domain.isInteger(k),
          "step must divide high - low for '%s', but got low=%s, high=%s, step=%s",
          name,
          low,
          high,
          step);
    }
  }

  private long steps() {
    return Math.round((high - low) / step);
  }

  @Override
  public double toInternal(Object value) {
    requireArgument(value instanceof Number, "a float parameter needs a number, but got %s", value);
    double x = ((Number) value).doubleValue();
    requireArgument(contains(x), "%s is not in %s", x, this);
    return x;
  }

  @Override
  public Object toExternal(double internal) {
    return internal;
  }

  @Override
  public boolean contains(double x) {
    if (!(x >= low && x <= high)) {
      return false;
    }
    return step == null || Domain.isInteger((x - low) / step);
  }

  @Override
  public boolean isSingle() {
    return low == high;
  }

  @Override
  public double fromUnit(double u) {
    if (step != null) {
      long n = steps();
      long k = Math.min(n, (long) Math.floor(Domain.clamp(u, 0, 1) * (n + 1)));
      return Math.min(high, low + k * step);
    }
    return Domain.fromUnit(u, low, high, log);
  }

  @Override
  public double toUnit(double x) {
    if (step != null) {
      long n = steps();
      double k = Math.rint((Domain.clamp(x, low, high) - low) / step);
      return (k + 0.5) / (n + 1);
    }
    return Domain.toUnit(x, low, high, log);
  }

  @Override
  public double snap(double x) {
    double c = Domain.clamp(Double.isNaN(x) ? low : x, low, high);
    if (step != null) {
      return Math.min(high, low + Math.rint((c - low) / step) * step);
    }
    return c;
  }

  @Override
  public long cardinality() {
    if (isSingle()) {
      return 1;
    }
    return step == null ? Long.MAX_VALUE : steps() + 1;
  }
}
