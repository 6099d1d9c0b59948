package org.hpo4j.rl;

/**
 * KL divergence between two policies that are products of per-step Gaussians: KL(old || new) =
 * sum_t log(sigma_t / sigma_t,old) + (sigma_t,old^2 + (mu_t,old - mu_t)^2) / (2 sigma_t^2) - 1/2,
 * summed over the steps in the loss. Stateless.
 */
final class Kl {
  private Kl() {}

  /** KL(N(m0, s0) || N(m1, s1)) of one step. */
  static double gaussian(double m0, double s0, double m1, double s1) {
    double d = m0 - m1;
    return Math.log(s1 / s0) + (s0 * s0 + d * d) / (2.0 * s1 * s1) - 0.5;
  }

  /**
   * The joint KL over the first {@code steps} steps of an episode; only steps in the loss count.
   */
  static double episode(Episode ep, Policy.Forward old, Policy.Forward now, int steps) {
    double kl = 0.0;
    for (int t = 0; t < steps; t++) {
      if (ep.inLoss(t)) {
        kl += gaussian(old.mean()[t], old.sigma()[t], now.mean()[t], now.sigma()[t]);
      }
    }
    return kl;
  }

  /**
   * d(pi_old, pi): the joint KL averaged over a set of episodes (with {@code feedSample} the
   * policies depend on the sampled inputs; without it every episode gives the same value).
   */
  static double policies(Policy old, Policy now, java.util.List<Episode> episodes) {
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("episodes must not be empty");
    }
    double sum = 0.0;
    for (Episode ep : episodes) {
      int n = ep.length();
      sum += episode(ep, old.forward(ep, n), now.forward(ep, n), n);
    }
    return sum / episodes.size();
  }
}
