package org.hpo4j.gp;

import org.hpo4j.math.Normal;

/**
 * EI(x) = sigma h(z) (Jones, Schonlau &amp; Welch, "Efficient Global Optimization of Expensive
 * Black-Box Functions", 1998). dEI/dx = h(z) dsigma/dx + sigma Phi(z) dz/dx, since h' = Phi.
 */
final class ExpectedImprovement implements Acquisition {
  private final double best;

  ExpectedImprovement(double best) {
    this.best = best;
  }

  @Override
  public double value(Posterior p, double[] gradient) {
    double sigma = p.sd();
    double z = (best - p.mean()) / sigma;
    double h = Math.max(0.0, Normal.pdf(z) + z * Normal.ndtr(z));
    if (gradient != null) {
      double[] dz = new double[gradient.length];
      Acquisition.sigmaAndZGradients(p, best, gradient, dz);
      double cdf = Normal.ndtr(z);
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] = h * gradient[j] + sigma * cdf * dz[j];
      }
    }
    return sigma * h;
  }
}
