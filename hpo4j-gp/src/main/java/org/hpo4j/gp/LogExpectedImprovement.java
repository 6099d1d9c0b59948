package org.hpo4j.gp;

import org.hpo4j.math.Normal;

/**
 * log EI(x) = log sigma + log h(z), evaluated in log space so that it stays finite and has a useful
 * gradient where EI itself underflows (far from the incumbent), which is what makes it easy to
 * optimise. Ament et al., "Unexpected Improvements to Expected Improvement for Bayesian
 * Optimization", NeurIPS 2023.
 */
final class LogExpectedImprovement implements Acquisition {
  private final double best;

  LogExpectedImprovement(double best) {
    this.best = best;
  }

  @Override
  public double value(Posterior p, double[] gradient) {
    double sigma = p.sd();
    double z = (best - p.mean()) / sigma;
    double value = Math.log(sigma) + Normal.logH(z);
    if (gradient != null) {
      double[] dz = new double[gradient.length];
      Acquisition.sigmaAndZGradients(p, best, gradient, dz);
      double dlogh = Normal.logHDerivative(z);
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] = gradient[j] / sigma + dlogh * dz[j];
      }
    }
    return value;
  }
}
