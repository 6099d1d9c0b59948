package org.hpo4j.rl;

import java.util.List;

/**
 * PPO-clip (Schulman et al. 2017, https://arxiv.org/abs/1707.06347) for the episodic agent: L =
 * -(1/B) sum_episodes sum_t [min(rho_t A, clip(rho_t, 1-eps, 1+eps) A) + c_H H_t], rho_t = N(h_t;
 * mu'_t, sigma_t) / N(h_t; mu'_t,old, sigma_t,old), over the steps in the loss; H_t = log sigma_t +
 * const. Adam, up to {@code epochs} passes, stopping early once the mean KL(old || new) of the
 * batch passes {@code targetKl}; gradient norm clipped before each step.
 *
 * <p>Not thread-safe: the owner serialises access.
 */
final class Ppo {
  private final Policy policy;
  private final Adam adam;
  private final double clipEps;
  private final int epochs;
  private final double targetKl;
  private final double maxGradNorm;
  private final double entropyCoef;
  private long updates;

  Ppo(
      Policy policy,
      double learningRate,
      double clipEps,
      int epochs,
      double targetKl,
      double maxGradNorm,
      double entropyCoef) {
    this.policy = policy;
    this.adam = new Adam(policy.network().params().length, learningRate);
    this.clipEps = clipEps;
    this.epochs = epochs;
    this.targetKl = targetKl;
    this.maxGradNorm = maxGradNorm;
    this.entropyCoef = entropyCoef;
  }

  /** The spec's defaults: lr 0.007, eps 0.2, 10 epochs, KL stop 0.05, grad-norm 1, c_H 0.01. */
  static Ppo withDefaults(Policy policy) {
    return new Ppo(policy, 0.007, 0.2, 10, 0.05, 1.0, 0.01);
  }

  long updates() {
    return updates;
  }

  /**
   * One PPO update on a batch. advantages[b] belongs to batch.get(b).
   *
   * @return the number of gradient steps taken (0 if the KL stop fired before the first)
   * @throws ArithmeticException if a gradient becomes non-finite
   */
  int update(List<Episode> batch, double[] advantages) {
    if (batch.size() != advantages.length || batch.isEmpty()) {
      throw new IllegalArgumentException(
          "batch and advantages must be non-empty and of equal size, but got "
              + batch.size()
              + " and "
              + advantages.length);
    }
    AgentNetwork net = policy.network();
    int taken = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      double[] lossKl = lossAndGradient(batch, advantages);
      if (epoch > 0 && lossKl[1] > targetKl) {
        break;
      }
      Adam.clipNorm(net.grads(), maxGradNorm);
      adam.step(net.params(), net.grads());
      taken++;
    }
    updates++;
    return taken;
  }

  /**
   * Zeroes the network's gradient, then fills it with dL/dtheta of the clipped loss.
   *
   * @return {loss, mean KL(old || new) over the batch}
   */
  double[] lossAndGradient(List<Episode> batch, double[] advantages) {
    AgentNetwork net = policy.network();
    net.zeroGrads();
    double kl = 0.0;
    double loss = 0.0;
    double invB = 1.0 / batch.size();
    for (int b = 0; b < batch.size(); b++) {
      Episode ep = batch.get(b);
      int n = ep.length();
      Policy.Forward f = policy.forward(ep, n);
      double[][] dy = new double[n][2];
      double a = advantages[b];
      for (int t = 0; t < n; t++) {
        if (!ep.inLoss(t)) {
          continue;
        }
        double m = f.mean()[t];
        double s = f.sigma()[t];
        double h = ep.h(t);
        kl += Kl.gaussian(ep.mean(t), ep.sigma(t), m, s);
        double logRatio =
            Policy.logDensity(h, m, s) - Policy.logDensity(h, ep.mean(t), ep.sigma(t));
        double rho = Math.exp(Math.min(logRatio, 50.0));
        double clipped = Math.max(1.0 - clipEps, Math.min(1.0 + clipEps, rho));
        double unclippedTerm = rho * a;
        double clippedTerm = clipped * a;
        boolean active = unclippedTerm <= clippedTerm;
        loss -= invB * (Math.min(unclippedTerm, clippedTerm) + entropyCoef * Math.log(s));
        // d loss / d logp = -rho A when the unclipped branch is the minimum, else 0
        double dLogp = active ? -rho * a : 0.0;
        double r = (h - m) / s;
        double dMean = dLogp * r / s;
        double dSigma = dLogp * (-1.0 / s + r * r / s) - entropyCoef / s;
        dy[t][0] = invB * dMean * (1.0 - m * m);
        dy[t][1] = invB * dSigma * f.sigmoidZ()[t];
      }
      net.backward(f.trace(), dy);
    }
    return new double[] {loss, kl * invB};
  }
}
