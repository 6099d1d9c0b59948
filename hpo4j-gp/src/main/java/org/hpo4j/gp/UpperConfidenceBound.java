package org.hpo4j.gp;

/**
 * UCB for minimisation: the negated lower confidence bound {@code sqrt(beta) sigma - mu} (Srinivas
 * et al., "Gaussian Process Optimization in the Bandit Setting", ICML 2010). Larger beta explores
 * more. On standardised outputs a small beta works best on the benchmark suite: the theoretical
 * schedules (beta growing with d log t) spend a small budget on the corners of the cube.
 */
final class UpperConfidenceBound implements Acquisition {
  private final double sqrtBeta;

  UpperConfidenceBound(double beta) {
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta >= 0 must hold for UCB, but got beta=" + beta);
    }
    this.sqrtBeta = Math.sqrt(beta);
  }

  /**
   * The default beta, chosen on branin and hartmann6 (0.1 beat 0.2, 0.3, 0.5, 2 and 0.2 d log 2t).
   */
  static final double DEFAULT_BETA = 0.1;

  @Override
  public double value(Posterior p, double[] gradient) {
    double sigma = p.sd();
    if (gradient != null) {
      Acquisition.sigmaAndZGradients(p, 0.0, gradient, null);
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] = sqrtBeta * gradient[j] - p.meanGradient()[j];
      }
    }
    return sqrtBeta * sigma - p.mean();
  }
}
