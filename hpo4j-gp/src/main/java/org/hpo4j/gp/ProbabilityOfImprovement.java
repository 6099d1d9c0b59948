package org.hpo4j.gp;

import org.hpo4j.math.Normal;

/**
 * PI(x) = Phi(z) (Kushner, 1964), or log PI(x) = log Phi(z), the form to optimise: same maximiser,
 * finite and with a gradient far below the incumbent. d log Phi(z)/dx = phi(z)/Phi(z) dz/dx.
 */
final class ProbabilityOfImprovement implements Acquisition {
  private final double best;
  private final boolean log;

  ProbabilityOfImprovement(double best, boolean log) {
    this.best = best;
    this.log = log;
  }

  @Override
  public double value(Posterior p, double[] gradient) {
    double sigma = p.sd();
    double z = (best - p.mean()) / sigma;
    double logPi = Normal.logNdtr(z);
    if (gradient != null) {
      double[] dz = new double[gradient.length];
      Acquisition.sigmaAndZGradients(p, best, gradient, dz);
      double factor = log ? Math.exp(Normal.logPdf(z) - logPi) : Normal.pdf(z);
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] = factor * dz[j];
      }
    }
    return log ? logPi : Math.exp(logPi);
  }
}
