package org.hpo4j.gp;

/**
 * The GP posterior of the latent function at one point, in standardised output units, with its
 * gradients with respect to the point (numeric dimensions; categorical entries are 0).
 *
 * @param mean posterior mean mu(x)
 * @param variance posterior variance sigma^2(x) of the latent function (noise excluded), &gt;= 0
 * @param meanGradient d mu / dx, a d-vector, or null when not asked for
 * @param varianceGradient d sigma^2 / dx, a d-vector, or null when not asked for
 */
record Posterior(double mean, double variance, double[] meanGradient, double[] varianceGradient) {

  /** Smallest variance acquisitions divide by, so that a training point never yields 0/0. */
  static final double MIN_VARIANCE = 1e-12;

  /**
   * @return sigma(x), floored at sqrt(MIN_VARIANCE)
   */
  double sd() {
    return Math.sqrt(Math.max(variance, MIN_VARIANCE));
  }

  boolean hasGradient() {
    return meanGradient != null;
  }
}
