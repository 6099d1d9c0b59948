package org.hpo4j.gp;

/**
 * UCB for minimisation: the negated lower confidence bound {@code sqrt(beta) sigma - mu}
 * (Srinivas et al., "Gaussian Process Optimization in the Bandit Setting", ICML 2010). Larger beta
 * explores more; {@link #scheduledBeta} gives the usual schedule growing with log t.
 */
final class UpperConfidenceBound implements Acquisition {
  private final double sqrtBeta;

  UpperConfidenceBound(double beta) {
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta >= 0 must hold for UCB, but got beta=" + beta);
    }
    this.sqrtBeta = Math.sqrt(beta);
  }

  /** beta_t = 0.2 d log(2 t), the schedule of Kandasamy et al. (2015), at least 0.2 d log 2. */
  static double scheduledBeta(int dimension, int trials) {
    return 0.2 * Math.max(1, dimension) * Math.log(2.0 * Math.max(1, trials));
  }

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
