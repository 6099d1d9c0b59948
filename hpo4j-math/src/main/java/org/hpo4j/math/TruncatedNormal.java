package org.hpo4j.math;

import java.util.random.RandomGenerator;

/**
 * A normal distribution N(mu, sigma^2) truncated to [low, high], as TPE's Parzen kernels and
 * CMA-ES's bounded proposals need it, accurate even when [low, high] lies far in a tail.
 *
 * <p>Notation: {@code alpha = (low - mu)/sigma}, {@code beta = (high - mu)/sigma} (standardised
 * bounds), {@code Z = Phi(beta) - Phi(alpha)} (the mass kept). Density {@code f(x) = phi((x -
 * mu)/sigma) / (sigma Z)} on [low, high], 0 elsewhere.
 *
 * <p>Method: every quantity is formed in log space. {@code log Z} uses the lower tail when beta
 * &lt;= 0, the mirrored upper tail when alpha &gt;= 0, and {@code log1p(-Phi(alpha) - Phi(-beta))}
 * when the interval straddles 0; so a kernel at mu = 0 truncated to [30, 31] still has an exact
 * normaliser. The quantile solves {@code log Phi(z) = logaddexp(log Phi(alpha), log q + log Z)}
 * with {@link Normal#ndtriExp}, working on the mirrored distribution when the interval's centre is
 * above mu, so that the tail it works in is always the one whose probabilities are small.
 *
 * <p>The static methods take the four parameters directly and do not allocate: TPE evaluates
 * hundreds of kernels on each candidate; compute {@link #logNormalizer} once per kernel and use
 * {@link #logPdf(double, double, double, double)} in the inner loop.
 *
 * <p>Instances are immutable and thread-safe; the static methods are stateless.
 *
 * @param mu location of the untruncated normal (finite)
 * @param sigma scale of the untruncated normal (finite, &gt; 0)
 * @param low lower bound (finite or -Infinity)
 * @param high upper bound (&gt; low; finite or +Infinity)
 */
public record TruncatedNormal(double mu, double sigma, double low, double high) {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if mu or sigma is not finite, sigma &lt;= 0, or not low &lt;
   *     high
   */
  public TruncatedNormal {
    check(mu, sigma, low, high);
  }

  /** log of the density at x; -Infinity outside [low, high]. */
  public double logPdf(double x) {
    return logPdf(x, mu, sigma, low, high);
  }

  /** P(X &lt;= x). */
  public double cdf(double x) {
    return cdf(x, mu, sigma, low, high);
  }

  /**
   * The x with P(X &lt;= x) = q, in [low, high]. @throws IllegalArgumentException unless 0 &lt;= q
   * &lt;= 1
   */
  public double ppf(double q) {
    return ppf(q, mu, sigma, low, high);
  }

  /** One draw by inverse-cdf sampling; consumes one {@code nextDouble()} of rng. */
  public double sample(RandomGenerator rng) {
    return ppf(rng.nextDouble(), mu, sigma, low, high);
  }

  // ---------------------------------------------------------------- static, allocation-free

  /**
   * log(sigma * Z): the log normalising constant of the density in x units, so that {@code
   * logPdf(x) = -((x-mu)/sigma)^2/2 - log sqrt(2 pi) - logNormalizer}.
   *
   * @throws IllegalArgumentException for invalid parameters (see the record's constructor)
   */
  public static double logNormalizer(double mu, double sigma, double low, double high) {
    check(mu, sigma, low, high);
    return Math.log(sigma) + logMass((low - mu) / sigma, (high - mu) / sigma);
  }

  /**
   * Inner-loop density: log f(x) given {@code logNormalizer(mu, sigma, low, high)}. Does not check
   * that x is in [low, high] nor validate the parameters.
   */
  public static double logPdf(double x, double mu, double sigma, double logNormalizer) {
    double z = (x - mu) / sigma;
    return -0.5 * z * z - Normal.LOG_SQRT_2PI - logNormalizer;
  }

  /**
   * log f(x), -Infinity outside [low, high]. @throws IllegalArgumentException for invalid
   * parameters
   */
  public static double logPdf(double x, double mu, double sigma, double low, double high) {
    double logNorm = logNormalizer(mu, sigma, low, high);
    if (!(x >= low && x <= high)) {
      return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
    }
    return logPdf(x, mu, sigma, logNorm);
  }

  /**
   * out[i] = log f(xs[i]) for i in [0, xs.length); -Infinity outside [low, high]. No allocation.
   *
   * @throws IllegalArgumentException for invalid parameters or if out is shorter than xs
   */
  public static void logPdf(
      double[] xs, double mu, double sigma, double low, double high, double[] out) {
    if (out.length < xs.length) {
      throw new IllegalArgumentException(
          "out.length >= xs.length must hold, but got out.length="
              + out.length
              + ", xs.length="
              + xs.length);
    }
    double logNorm = logNormalizer(mu, sigma, low, high);
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      out[i] = x >= low && x <= high ? logPdf(x, mu, sigma, logNorm) : Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * Prepares a mixture of truncated normals sharing [low, high] (TPE's Parzen estimator) for {@link
   * #mixtureLogPdf}: {@code out[i] = logWeights[i] - logNormalizer(mus[i], sigmas[i], low, high) -
   * log sqrt(2 pi)}. Weights are used as given (normalise them for a density). No allocation.
   *
   * @throws IllegalArgumentException if the arrays' lengths differ or a kernel is invalid
   */
  public static void mixtureLogCoefficients(
      double[] mus, double[] sigmas, double[] logWeights, double low, double high, double[] out) {
    int k = mus.length;
    if (sigmas.length != k || logWeights.length != k || out.length != k) {
      throw new IllegalArgumentException(
          "mus, sigmas, logWeights and out must have the same length, but got "
              + k
              + ", "
              + sigmas.length
              + ", "
              + logWeights.length
              + ", "
              + out.length);
    }
    for (int i = 0; i < k; i++) {
      out[i] = logWeights[i] - logNormalizer(mus[i], sigmas[i], low, high) - Normal.LOG_SQRT_2PI;
    }
  }

  /**
   * out[j] = log sum_i exp(logCoefficients[i] - ((xs[j] - mus[i]) / sigmas[i])^2 / 2), the log
   * density of the mixture prepared by {@link #mixtureLogCoefficients}; -Infinity outside [low,
   * high]. One exp per (point, kernel), no allocation.
   *
   * @throws IllegalArgumentException if the kernel arrays' lengths differ or out is shorter than xs
   */
  public static void mixtureLogPdf(
      double[] xs,
      double[] mus,
      double[] sigmas,
      double[] logCoefficients,
      double low,
      double high,
      double[] out) {
    int k = mus.length;
    if (sigmas.length != k || logCoefficients.length != k || out.length < xs.length) {
      throw new IllegalArgumentException(
          "mus, sigmas, logCoefficients must have one length and out.length >= "
              + "xs.length, but got "
              + k
              + ", "
              + sigmas.length
              + ", "
              + logCoefficients.length
              + "; out.length="
              + out.length
              + ", xs.length="
              + xs.length);
    }
    for (int j = 0; j < xs.length; j++) {
      double x = xs[j];
      if (!(x >= low && x <= high)) {
        out[j] = Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0.0; // sum of exp(v - max) so far
      for (int i = 0; i < k; i++) {
        double z = (x - mus[i]) / sigmas[i];
        double v = logCoefficients[i] - 0.5 * z * z;
        if (v <= max) {
          sum += Math.exp(v - max);
        } else if (v > Double.NEGATIVE_INFINITY) {
          sum = sum * Math.exp(max - v) + 1.0;
          max = v;
        }
      }
      out[j] = max + Math.log(sum);
    }
  }

  /** P(X &lt;= x). @throws IllegalArgumentException for invalid parameters */
  public static double cdf(double x, double mu, double sigma, double low, double high) {
    check(mu, sigma, low, high);
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x <= low) {
      return 0.0;
    }
    if (x >= high) {
      return 1.0;
    }
    double alpha = (low - mu) / sigma;
    double beta = (high - mu) / sigma;
    double z = (x - mu) / sigma;
    if (beta <= 0) { // both bounds in the lower tail: ratio of masses relative to Phi(beta)
      return Math.min(
          1.0, Math.exp(logMassBelow(alpha, z, beta) - logMassBelow(alpha, beta, beta)));
    }
    if (alpha >= 0) { // mirrored: 1 - P(X > x), relative to Phi(-alpha)
      return -Math.expm1(logMassBelow(-beta, -z, -alpha) - logMassBelow(-beta, -alpha, -alpha));
    }
    double logZ = logMass(alpha, beta);
    if (alpha + beta > 0) {
      return -Math.expm1(logMass(z, beta) - logZ);
    }
    return Math.min(1.0, Math.exp(logMass(alpha, z) - logZ));
  }

  /**
   * log(Phi(b) - Phi(a)) - log Phi(ref) for a &lt;= b &lt;= ref &lt;= 0, without subtracting two
   * large logs when all three lie far in the lower tail.
   */
  private static double logMassBelow(double a, double b, double ref) {
    double shift = b == ref ? 0.0 : Normal.logNdtrDifference(b, ref);
    if (a == Double.NEGATIVE_INFINITY) {
      return shift;
    }
    return a == b
        ? Double.NEGATIVE_INFINITY
        : shift + LogMath.log1mexp(Math.min(0.0, Normal.logNdtrDifference(a, b)));
  }

  /**
   * The quantile: the x in [low, high] with P(X &lt;= x) = q; low at q = 0, high at q = 1.
   *
   * @throws IllegalArgumentException unless 0 &lt;= q &lt;= 1, or for invalid parameters
   */
  public static double ppf(double q, double mu, double sigma, double low, double high) {
    check(mu, sigma, low, high);
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException(
          "0 <= q <= 1 must hold for the truncated normal quantile, but got q=" + q);
    }
    double alpha = (low - mu) / sigma;
    double beta = (high - mu) / sigma;
    double z =
        alpha + beta > 0
            ? -standardQuantile(1.0 - q, -beta, -alpha)
            : standardQuantile(q, alpha, beta);
    double x = mu + sigma * z;
    return Math.max(low, Math.min(high, x));
  }

  /**
   * Draws by inverse cdf from one {@code rng.nextDouble()}. @throws IllegalArgumentException for
   * invalid parameters
   */
  public static double sample(
      RandomGenerator rng, double mu, double sigma, double low, double high) {
    return ppf(rng.nextDouble(), mu, sigma, low, high);
  }

  // ---------------------------------------------------------------- internals (standardised)

  /** log(Phi(b) - Phi(a)) for a &lt;= b. */
  static double logMass(double a, double b) {
    if (a == b) {
      return Double.NEGATIVE_INFINITY;
    }
    if (b <= 0) {
      return lowerTailLogMass(a, b);
    }
    if (a >= 0) {
      return lowerTailLogMass(-b, -a);
    }
    return Math.log1p(-(Normal.cdf(a) + Normal.cdf(-b)));
  }

  /**
   * log(Phi(b) - Phi(a)) for a &lt; b &lt;= 0 (or mirrored): log Phi(b) + log(1 - Phi(a)/Phi(b)).
   */
  private static double lowerTailLogMass(double a, double b) {
    double logB = Normal.logNdtr(b);
    if (a == Double.NEGATIVE_INFINITY) {
      return logB;
    }
    return logB + LogMath.log1mexp(Math.min(0.0, Normal.logNdtrDifference(a, b)));
  }

  /**
   * Quantile of N(0,1) truncated to [a, b] with a + b &lt;= 0 (the work happens in the lower tail).
   */
  private static double standardQuantile(double q, double a, double b) {
    if (q <= 0.0) {
      return a;
    }
    if (q >= 1.0) {
      return b;
    }
    double logPhiA = Normal.logNdtr(a);
    double logTarget = LogMath.logAddExp(logPhiA, Math.log(q) + logMass(a, b));
    double z = Normal.ndtriExp(Math.min(0.0, logTarget));
    return Math.max(a, Math.min(b, z));
  }

  private static void check(double mu, double sigma, double low, double high) {
    if (!Double.isFinite(mu)) {
      throw new IllegalArgumentException("mu must be finite, but got mu=" + mu);
    }
    if (!(sigma > 0.0 && sigma < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("sigma must be finite and > 0, but got sigma=" + sigma);
    }
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "low < high must hold, but got low=" + low + ", high=" + high);
    }
  }
}
