package org.hpo4j.rl;

/** How a real trial's objective value becomes the episode's reward. */
public enum RewardMode {
  /** The objective value itself, negated when minimising (the paper: an accuracy to maximise). */
  RAW,
  /** The share of earlier real trials this one beats, ties half, 0.5 for the first; in [0, 1]. */
  QUANTILE
}
