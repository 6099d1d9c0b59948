package org.hpo4j.rl;

/**
 * Turns rewards into advantages A = (r - b) / s without a critic: b is an exponential moving
 * average of rewards (decay 0.9), s a running standard deviation of r - b (same decay, floor 1e-3).
 * The first reward sets b and gets A = 0. Every state of an episode is deterministic, so V(s_t) is
 * one number, which b estimates.
 *
 * <p>Not thread-safe.
 */
final class RewardNormalizer {
  private static final double DECAY = 0.9;
  private static final double FLOOR = 1e-3;
  private double baseline;
  private double variance;
  private boolean started;

  /**
   * @throws IllegalArgumentException if r is not finite
   */
  double advantage(double r) {
    if (!Double.isFinite(r)) {
      throw new IllegalArgumentException("reward must be finite, but got " + r);
    }
    if (!started) {
      started = true;
      baseline = r;
      return 0.0;
    }
    double d = r - baseline;
    variance = DECAY * variance + (1 - DECAY) * d * d;
    double a = d / Math.max(FLOOR, Math.sqrt(variance));
    baseline = DECAY * baseline + (1 - DECAY) * r;
    return a;
  }
}
