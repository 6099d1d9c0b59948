package org.hpo4j.rl;

import java.util.SplittableRandom;

/**
 * The Gaussian policy over the agent network: mu'_t = tanh(mu_t), sigma_t = 0.02 + softplus(z_t),
 * h_t ~ N(mu'_t, sigma_t), action u_t = clip(h_t, -1, 1).
 *
 * <p>Input s_t: the previous step's (mu'_{t-1}, sigma_{t-1}), s_1 = (0, 1) (the paper's state);
 * with {@code feedSample} also u_{t-1} (0 at t = 1) so later choices depend on earlier ones. During
 * training the inputs are recomputed from the current network but treated as constants (no gradient
 * flows through the input chain) [ours].
 *
 * <p>Not thread-safe: the owner serialises access.
 */
final class Policy {
  static final double SIGMA_FLOOR = 0.02;
  static final int EMBED = 2;
  static final int HIDDEN = 35;
  static final int LAYERS = 3;

  private final AgentNetwork net;
  private final boolean feedSample;
  private final boolean oneStep;
  private final double probit;

  Policy(boolean feedSample, double initialSigma, long seed) {
    this(feedSample, 1, initialSigma, seed);
  }

  /**
   * @param heads output embeddings: 1 shared, or one per step (see {@link AgentNetwork})
   */
  Policy(boolean feedSample, int heads, double initialSigma, long seed) {
    this(feedSample, heads, initialSigma, seed, false);
  }

  /**
   * @param oneStep true: the ablation's one-step agent, which sets all parameters from one forward
   *     pass: every step sees the first state s_1 and zero recurrent states, so the steps differ
   *     only by their output embeddings (needs heads &gt; 1), and no choice sees another
   */
  Policy(boolean feedSample, int heads, double initialSigma, long seed, boolean oneStep) {
    this(feedSample, heads, initialSigma, seed, oneStep, false);
  }

  /**
   * @param probitActions true: the action is u_t = 2 Phi(h_t / sigma_0) - 1 (sigma_0 =
   *     initialSigma) instead of clip(h_t, -1, 1), so that the first policy, N(0, sigma_0), draws
   *     every value of a range with equal probability (random search) and no mass piles up on the
   *     bounds
   */
  Policy(
      boolean feedSample,
      int heads,
      double initialSigma,
      long seed,
      boolean oneStep,
      boolean probitActions) {
    this(
        new AgentNetwork(
            feedSample ? 3 : 2,
            EMBED,
            HIDDEN,
            LAYERS,
            heads,
            inverseSoftplus(initialSigma - SIGMA_FLOOR),
            seed),
        feedSample,
        oneStep,
        probitActions ? initialSigma : 0.0);
    if (!(initialSigma > SIGMA_FLOOR)) {
      throw new IllegalArgumentException(
          "initialSigma must be > " + SIGMA_FLOOR + ", but got " + initialSigma);
    }
  }

  Policy(AgentNetwork net, boolean feedSample) {
    this(net, feedSample, false);
  }

  Policy(AgentNetwork net, boolean feedSample, boolean oneStep) {
    this(net, feedSample, oneStep, 0.0);
  }

  /**
   * @param probit sigma_0 of the probit action map, 0 = clip
   */
  Policy(AgentNetwork net, boolean feedSample, boolean oneStep, double probit) {
    this.net = net;
    this.feedSample = feedSample;
    this.oneStep = oneStep;
    this.probit = probit;
  }

  /** The action of a Gaussian sample h: clip(h, -1, 1), or 2 Phi(h / sigma_0) - 1. */
  double action(double h) {
    if (probit > 0) {
      return Math.max(-1.0, Math.min(1.0, 2.0 * org.hpo4j.math.Normal.cdf(h / probit) - 1.0));
    }
    return Math.max(-1.0, Math.min(1.0, h));
  }

  /** A Gaussian sample whose action is u (the inverse of {@link #action}, bounds kept finite). */
  double sampleOf(double u) {
    if (probit > 0) {
      double p = Math.max(1e-9, Math.min(1.0 - 1e-9, (u + 1.0) / 2.0));
      return probit * org.hpo4j.math.Normal.ndtri(p);
    }
    return u;
  }

  AgentNetwork network() {
    return net;
  }

  boolean feedSample() {
    return feedSample;
  }

  /** A policy with a copy of this one's weights (the snapshot pi_old). */
  Policy copy() {
    AgentNetwork n = new AgentNetwork(net.inputDim(), EMBED, HIDDEN, LAYERS, net.heads(), 0.0, 0L);
    n.copyParamsFrom(net);
    return new Policy(n, feedSample, oneStep, probit);
  }

  Rollout start() {
    return new Rollout();
  }

  /**
   * Replays the first {@code steps} steps of a recorded episode under the current weights, on the
   * states the agent observed when it played them (the behaviour policy's previous mean, sigma and,
   * with {@code feedSample}, action), so the inputs are constants of the data.
   */
  Forward forward(Episode ep, int steps) {
    AgentNetwork.Trace trace = net.newTrace(oneStep);
    double[] mean = new double[steps];
    double[] sigma = new double[steps];
    double[] sigmoidZ = new double[steps];
    double pm = 0.0;
    double ps = 1.0;
    double pu = 0.0;
    for (int t = 0; t < steps; t++) {
      double[] y = net.step(trace, input(pm, ps, pu));
      mean[t] = Math.tanh(y[0]);
      sigma[t] = SIGMA_FLOOR + softplus(y[1]);
      sigmoidZ[t] = sigmoid(y[1]);
      pm = ep.mean(t);
      ps = ep.sigma(t);
      pu = ep.u(t);
    }
    return new Forward(trace, mean, sigma, sigmoidZ);
  }

  private double[] input(double pm, double ps, double pu) {
    if (oneStep) {
      return feedSample ? new double[] {0.0, 1.0, 0.0} : new double[] {0.0, 1.0};
    }
    return feedSample ? new double[] {pm, ps, pu} : new double[] {pm, ps};
  }

  static double softplus(double z) {
    return z > 30 ? z : Math.log1p(Math.exp(z));
  }

  static double inverseSoftplus(double s) {
    return s > 30 ? s : Math.log(Math.expm1(s));
  }

  static double sigmoid(double a) {
    return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
  }

  /** log N(h; mean, sigma). */
  static double logDensity(double h, double mean, double sigma) {
    double d = (h - mean) / sigma;
    return -Math.log(sigma) - 0.5 * d * d - 0.5 * Math.log(2 * Math.PI);
  }

  /** The network outputs of one replayed episode; mean = mu', sigmoidZ = d sigma / d z. */
  record Forward(AgentNetwork.Trace trace, double[] mean, double[] sigma, double[] sigmoidZ) {}

  /** An episode being played step by step. Not thread-safe. */
  final class Rollout {
    private final AgentNetwork.Trace trace = net.newTrace(oneStep);
    private final Episode episode = new Episode();
    private double pm = 0.0;
    private double ps = 1.0;
    private double pu = 0.0;

    /** Plays one step and returns the action u in [-1, 1]; the step starts outside the loss. */
    double next(SplittableRandom rng) {
      double[] y = net.step(trace, input(pm, ps, pu));
      double mean = Math.tanh(y[0]);
      double sigma = SIGMA_FLOOR + softplus(y[1]);
      double h = mean + sigma * Gaussian.next(rng);
      double u = action(h);
      episode.add(h, u, mean, sigma);
      pm = mean;
      ps = sigma;
      pu = u;
      return u;
    }

    /**
     * Plays one step with a given action (a trial the agent did not choose): h = u, and the
     * recorded mean and sigma are this policy's.
     */
    void force(double u) {
      if (!(u >= -1.0 && u <= 1.0)) {
        throw new IllegalArgumentException("action must be in [-1, 1], but got " + u);
      }
      double[] y = net.step(trace, input(pm, ps, pu));
      double mean = Math.tanh(y[0]);
      double sigma = SIGMA_FLOOR + softplus(y[1]);
      episode.add(sampleOf(u), u, mean, sigma);
      pm = mean;
      ps = sigma;
      pu = u;
    }

    Episode episode() {
      return episode;
    }
  }
}
