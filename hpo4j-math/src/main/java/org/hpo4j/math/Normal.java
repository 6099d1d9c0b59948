package org.hpo4j.math;

/**
 * The standard normal distribution in linear and log space, accurate far into both tails.
 *
 * <p>Notation: {@code phi(x) = exp(-x^2/2) / sqrt(2 pi)} (density), {@code Phi(x)} (cdf, scipy's
 * {@code ndtr}), {@code Phi^-1} (quantile, {@code ndtri}), and for expected improvement {@code h(z)
 * = phi(z) + z Phi(z)}, the EI of a unit-variance Gaussian at standardised improvement z (Ament et
 * al., "Unexpected Improvements to Expected Improvement for Bayesian Optimization", NeurIPS 2023,
 * https://arxiv.org/abs/2310.20708).
 *
 * <p>Methods. For x &lt; -1 the cdf is {@code Phi(x) = erfcx(-x/sqrt2)/2 * exp(-x^2/2)}, so {@code
 * log Phi(x) = log(erfcx(-x/sqrt2)/2) - x^2/2} stays accurate down to x = -1e150 (no asymptotic
 * series is needed: the Chebyshev form of erfcx is uniformly accurate). The quantile starts from
 * Acklam's rational approximation (rel. error 1.2e-9) and takes two Halley steps on {@code log
 * Phi(x) - log p}, so {@link #ndtriExp} inverts {@link #logNdtr} even for log p = -1e6. {@code log
 * h(z)} uses {@code h(z) = phi(z) (1 + sqrt(pi/2) z erfcx(-z/sqrt2))} for -20 &lt; z &lt;= -1 and
 * its asymptotic series {@code phi(z)/z^2 (1 - 3/z^2 + 15/z^4 - ...)} below -20.
 *
 * <p>Thread-safe: stateless. NaN input gives NaN; other inputs never produce NaN.
 */
public final class Normal {
  private Normal() {}

  static final double LOG_SQRT_2PI = 0.9189385332046728;
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double INV_SQRT2 = 0.7071067811865476;
  private static final double LN2 = 0.6931471805599453;
  private static final double SQRT_HALF_PI = 1.2533141373155003;
  private static final double LOG_ACKLAM_LOW = Math.log(0.02425);
  private static final double LOG_ACKLAM_HIGH = Math.log(1 - 0.02425);

  /** Standard normal density phi(x). */
  public static double pdf(double x) {
    return INV_SQRT_2PI * expMinusHalfSquare(x);
  }

  /** log phi(x) = -x^2/2 - log(sqrt(2 pi)). */
  public static double logPdf(double x) {
    return -0.5 * x * x - LOG_SQRT_2PI;
  }

  /** Standard normal cdf Phi(x) (scipy's ndtr); relative accuracy ~1e-15 down to Phi = 1e-300. */
  public static double cdf(double x) {
    if (x < -1.0) {
      return upperTail(-x);
    }
    if (x > 1.0) {
      return 1.0 - upperTail(x);
    }
    return 0.5 * Erf.erfc(-x * INV_SQRT2);
  }

  /** Alias of {@link #cdf}, named as in scipy.special. */
  public static double ndtr(double x) {
    return cdf(x);
  }

  /** log Phi(x), accurate for x from -1e150 to +Infinity (-Infinity at x = -Infinity). */
  public static double logNdtr(double x) {
    if (x < -1.0) {
      if (x == Double.NEGATIVE_INFINITY) {
        return x;
      }
      return Erf.logErfcxAtLeastHalf(-x * INV_SQRT2) - LN2 - 0.5 * x * x;
    }
    if (x > 0.0) {
      return Math.log1p(-cdf(-x));
    }
    return Math.log(cdf(x));
  }

  /**
   * log Phi(lo) - log Phi(hi) for lo &lt;= hi, without the cancellation of subtracting two large
   * negative numbers when both are far in the lower tail (used by truncated normals).
   */
  static double logNdtrDifference(double lo, double hi) {
    if (hi < -1.0 && lo > Double.NEGATIVE_INFINITY) {
      return -0.5 * (lo - hi) * (lo + hi)
          + Erf.logErfcxAtLeastHalf(-lo * INV_SQRT2)
          - Erf.logErfcxAtLeastHalf(-hi * INV_SQRT2);
    }
    return logNdtr(lo) - logNdtr(hi);
  }

  /**
   * Quantile Phi^-1(p) (scipy's ndtri): -Infinity at 0, +Infinity at 1.
   *
   * @throws IllegalArgumentException if p is not in [0, 1]
   */
  public static double ndtri(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("ndtri needs 0 <= p <= 1, but got p=" + p);
    }
    if (p > 0.5) {
      return -ndtriExp(Math.log1p(-p)); // 1 - p is exact here
    }
    return ndtriExp(Math.log(p));
  }

  /**
   * The x with log Phi(x) = logP, for logP in [-Infinity, 0]; inverts {@link #logNdtr} to a few
   * ulps even for logP = -1e6 (p far below the smallest double).
   *
   * @throws IllegalArgumentException if logP &gt; 0 or is NaN
   */
  public static double ndtriExp(double logP) {
    if (!(logP <= 0.0)) {
      throw new IllegalArgumentException("ndtriExp needs logP <= 0, but got logP=" + logP);
    }
    if (logP == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (logP == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    if (logP > LOG_ACKLAM_HIGH) {
      return -ndtriExp(LogMath.log1mexp(logP));
    }
    double x =
        logP < LOG_ACKLAM_LOW
            ? acklamLowerTail(Math.sqrt(-2.0 * logP))
            : acklamCentral(Math.exp(logP));
    for (int i = 0; i < 2; i++) {
      // Halley on f(x) = log Phi(x) - logP: f' = r = phi/Phi, f'' = -r (x + r).
      double logCdf = logNdtr(x);
      double f = logCdf - logP;
      double r = Math.exp(logPdf(x) - logCdf);
      x -= (f / r) / (1.0 + f * (x + r) / (2.0 * r));
    }
    return x;
  }

  // Acklam's rational approximation of the normal quantile (2003), relative error < 1.15e-9.
  private static final double[] A = {
    -3.969683028665376e+01,
    2.209460984245205e+02,
    -2.759285104469687e+02,
    1.383577518672690e+02,
    -3.066479806614716e+01,
    2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e+00,
    -2.549732539343734e+00,
    4.374664141464968e+00,
    2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };

  private static double acklamCentral(double p) {
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
        * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
  }

  /** Lower tail, given q = sqrt(-2 log p). */
  private static double acklamLowerTail(double q) {
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
  }

  /**
   * log h(z) = log(phi(z) + z Phi(z)), the log expected improvement of a standard normal at
   * standardised improvement z; finite for every finite z (about -z^2/2 - 2 log|z| as z -&gt;
   * -inf).
   */
  public static double logH(double z) {
    if (z > -1.0) {
      return Math.log(pdf(z) + z * cdf(z));
    }
    if (z > -20.0) {
      double w = SQRT_HALF_PI * z * Erf.erfcxNonNegative(-z * INV_SQRT2); // in (-1, 0)
      return logPdf(z) + Math.log1p(w);
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return z;
    }
    // h(z) = phi(z)/z^2 * sum_k (-1)^k (2k+1)!! / z^(2k); 12 terms reach double precision for z <=
    // -20.
    double inv = 1.0 / (z * z);
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k <= 12; k++) {
      term *= -(2 * k + 1) * inv;
      sum += term;
    }
    return logPdf(z) - 2.0 * Math.log(-z) + Math.log(sum);
  }

  /** d/dz log h(z) = Phi(z) / h(z), for gradients of log expected improvement. */
  public static double logHDerivative(double z) {
    return Math.exp(logNdtr(z) - logH(z));
  }

  /**
   * 1 - Phi(x) = erfcx(x/sqrt2)/2 * exp(-x^2/2) for x &gt;= 1 (x^2 split as in {@link
   * #expMinusHalfSquare}).
   */
  private static double upperTail(double x) {
    if (x > 40.0) {
      return 0.0;
    }
    double head = Math.floor(x * 16.0) / 16.0;
    double tailTerm = (x - head) * (x + head);
    return 0.5 * Erf.scaledTail(x * INV_SQRT2, -0.5 * tailTerm) * Math.exp(-0.5 * head * head);
  }

  /** exp(-x^2/2) without the relative error of rounding x*x in the far tail. */
  static double expMinusHalfSquare(double x) {
    double ax = Math.abs(x);
    if (ax > 40.0) {
      return 0.0;
    }
    double head = Math.floor(ax * 16.0) / 16.0;
    double tailTerm = (ax - head) * (ax + head);
    return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * tailTerm);
  }
}
