package org.hpo4j.rl;

/** Which surrogate scores the imagined episodes of a model phase. */
public enum RewardModelKind {
  /**
   * The {@code gp} sampler's Gaussian process: reward = minus its posterior mean of the loss
   * (default).
   */
  GP,
  /** The spec's MLP n-64-64-1 on the action vector, fitted to the reward targets. */
  MLP
}
