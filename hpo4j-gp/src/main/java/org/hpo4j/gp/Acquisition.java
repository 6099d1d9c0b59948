package org.hpo4j.gp;

/**
 * A function of the GP posterior at a point that the acquisition optimizer maximises. All work in
 * standardised units and minimise the objective: the improvement at x is {@code best - f(x)}.
 *
 * <p>Notation: mu, sigma = posterior mean and sd at x; z = (best - mu) / sigma, the standardised
 * improvement; phi, Phi = standard normal pdf and cdf; h(z) = phi(z) + z Phi(z).
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface Acquisition {

  /**
   * @param posterior the posterior at x (with gradients when {@code gradient} is not null)
   * @param gradient a d-vector to overwrite with d value / dx, or null
   * @return the acquisition value (higher is better); finite whenever the posterior is
   */
  double value(Posterior posterior, double[] gradient);

  /**
   * @return log expected improvement over {@code best}, finite far below the incumbent
   */
  static Acquisition logEi(double best) {
    return new LogExpectedImprovement(best);
  }

  /**
   * @return expected improvement over {@code best} (underflows to 0 far below it)
   */
  static Acquisition ei(double best) {
    return new ExpectedImprovement(best);
  }

  /**
   * @return probability of improvement over {@code best}, as a probability or its log
   */
  static Acquisition pi(double best, boolean log) {
    return new ProbabilityOfImprovement(best, log);
  }

  /**
   * @return the negated lower confidence bound {@code -(mu - sqrt(beta) sigma)}
   */
  static Acquisition ucb(double beta) {
    return new UpperConfidenceBound(beta);
  }

  /**
   * Writes d sigma/dx and d z/dx from a posterior with gradients, and returns sigma.
   *
   * @param dSigma out: d sigma / dx; dz out: d z / dx (may be null)
   */
  static double sigmaAndZGradients(Posterior p, double best, double[] dSigma, double[] dz) {
    double sigma = p.sd();
    boolean floored = p.variance() <= Posterior.MIN_VARIANCE;
    double z = (best - p.mean()) / sigma;
    for (int j = 0; j < dSigma.length; j++) {
      dSigma[j] = floored ? 0.0 : p.varianceGradient()[j] / (2.0 * sigma);
      if (dz != null) {
        dz[j] = (-p.meanGradient()[j] - z * dSigma[j]) / sigma;
      }
    }
    return sigma;
  }
}
