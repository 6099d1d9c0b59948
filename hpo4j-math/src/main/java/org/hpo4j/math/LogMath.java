package org.hpo4j.math;

/**
 * Arithmetic on numbers held as their logarithms, without overflow or cancellation.
 *
 * <p>Notation: a, b are logarithms of non-negative numbers (so -Infinity stands for 0). {@code
 * log1mexp(a) = log(1 - exp(a))} for a &lt;= 0, evaluated by Maechler's rule ("Accurately computing
 * log(1 - exp(-|a|))", 2012): {@code log(-expm1(a))} for a &gt; -ln 2, else {@code log1p(-exp(a))}.
 *
 * <p>Thread-safe: stateless. NaN inputs propagate as NaN; no finite or infinite input creates a
 * NaN.
 */
public final class LogMath {
  private LogMath() {}

  private static final double LN2 = 0.6931471805599453;

  /**
   * log(1 - exp(a)) for a &lt;= 0; -Infinity at a = 0.
   *
   * @throws IllegalArgumentException if a &gt; 0 (1 - exp(a) would be negative)
   */
  public static double log1mexp(double a) {
    if (a > 0) {
      throw new IllegalArgumentException("log1mexp needs a <= 0, but got a=" + a);
    }
    return a > -LN2 ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
  }

  /** log(exp(a) + exp(b)). */
  public static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max; // both -inf (sum is 0), or one is +inf
    }
    return max + Math.log1p(Math.exp(-Math.abs(a - b)));
  }

  /**
   * log(exp(a) - exp(b)) for b &lt;= a; -Infinity when a == b.
   *
   * @throws IllegalArgumentException if b &gt; a
   */
  public static double logSubExp(double a, double b) {
    if (b > a) {
      throw new IllegalArgumentException("logSubExp needs b <= a, but got a=" + a + ", b=" + b);
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return a + log1mexp(b - a);
  }

  /** log(sum_i exp(values[i])); -Infinity for an empty array. */
  public static double logSumExp(double[] values) {
    return logSumExp(values, 0, values.length);
  }

  /**
   * log(sum exp(values[i])) for i in [from, to); -Infinity for an empty range. Allocation-free.
   *
   * @throws IndexOutOfBoundsException if the range is not inside the array
   */
  public static double logSumExp(double[] values, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, values.length);
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (values[i] > max || Double.isNaN(values[i])) {
        max = values[i];
        if (Double.isNaN(max)) {
          return Double.NaN;
        }
      }
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double sum = 0.0;
    for (int i = from; i < to; i++) {
      sum += Math.exp(values[i] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * log(sum exp(values[indices[w]])) for w in [0, count) (of values[0 .. count) when indices is
   * null), leaving out every term more than {@code window} below the maximum; -Infinity for no
   * terms. A caller that prunes terms it can bound below the maximum minus the window (a Parzen
   * mixture skipping far kernels) gets the same bits as when it evaluates them all, which an
   * untruncated sum would not give. With window = 40 a left-out term weighs below 5e-18 of the sum.
   * Allocation-free.
   *
   * @throws IllegalArgumentException if window is NaN or negative
   */
  public static double logSumExp(double[] values, int[] indices, int count, double window) {
    if (!(window >= 0)) {
      throw new IllegalArgumentException("window >= 0 must hold, but got " + window);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int w = 0; w < count; w++) {
      max = Math.max(max, values[indices == null ? w : indices[w]]);
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY || Double.isNaN(max)) {
      return max;
    }
    double sum = 0;
    double cut = max - window;
    for (int w = 0; w < count; w++) {
      double x = values[indices == null ? w : indices[w]];
      if (x > cut) {
        sum += Math.exp(x - max);
      }
    }
    return max + Math.log(sum);
  }
}
