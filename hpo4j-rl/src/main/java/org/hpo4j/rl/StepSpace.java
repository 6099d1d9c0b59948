package org.hpo4j.rl;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;

/**
 * What each step of an episode decodes to, so that a surrogate sees the values a trial really got:
 * an action u in [-1, 1] at a step with distribution D becomes D's unit position of the decoded
 * value (ints and steps land on their grid), a categorical step its index (compared only for
 * equality), an absent step 0.5 (numeric) or -1 (categorical). A step whose distribution is unknown
 * (an agent used without a sampler) is numeric with unit position (u + 1) / 2.
 *
 * <p>Not thread-safe: the sampler's lock guards it.
 */
final class StepSpace {
  private final List<Distribution> steps = new ArrayList<>();

  /** Records (or replaces) the distribution of step t. */
  void set(int t, Distribution distribution) {
    while (steps.size() <= t) {
      steps.add(null);
    }
    steps.set(t, distribution);
  }

  /**
   * @return a k-vector: whether each step is categorical
   */
  boolean[] categorical(int k) {
    boolean[] c = new boolean[k];
    for (int t = 0; t < k; t++) {
      c[t] = distribution(t) instanceof CategoricalDistribution;
    }
    return c;
  }

  /**
   * @return the episode's first k steps as a point for the surrogate
   */
  double[] encode(Episode ep, int k) {
    double[] x = new double[k];
    for (int t = 0; t < k; t++) {
      Distribution d = distribution(t);
      boolean present = t < ep.length() && ep.inLoss(t);
      if (d instanceof CategoricalDistribution c) {
        x[t] = present ? c.fromUnit((ep.u(t) + 1.0) / 2.0) : -1.0;
      } else if (!present) {
        x[t] = 0.5;
      } else {
        double unit = (ep.u(t) + 1.0) / 2.0;
        x[t] = d == null ? unit : d.toUnit(d.fromUnit(unit));
      }
    }
    return x;
  }

  /**
   * Whether a recorded episode made the same categorical choices as a new one on every categorical
   * step the recorded one asked for: then its set of asked steps is taken as the new episode's (in
   * a define-by-run space, which parameters exist usually follows the categorical choices).
   */
  boolean sameChoices(Episode recorded, Episode fresh) {
    for (int t = 0; t < recorded.length(); t++) {
      if (recorded.inLoss(t) && distribution(t) instanceof CategoricalDistribution c) {
        if (t >= fresh.length()
            || c.fromUnit((recorded.u(t) + 1.0) / 2.0) != c.fromUnit((fresh.u(t) + 1.0) / 2.0)) {
          return false;
        }
      }
    }
    return true;
  }

  private Distribution distribution(int t) {
    return t < steps.size() ? steps.get(t) : null;
  }
}
