package org.hpo4j.rl;

import java.util.Arrays;

/**
 * One episode as the agent played it: per step t the Gaussian sample h_t, the clipped action u_t in
 * [-1, 1], the behaviour policy's squashed mean mu'_t and sigma_t, and whether the step counts in
 * the loss (a parameter the trial never asked for keeps its step but leaves the loss).
 *
 * <p>Not thread-safe; grows while the episode is played, then is only read.
 */
final class Episode {
  private double[] h = new double[8];
  private double[] u = new double[8];
  private double[] mean = new double[8];
  private double[] sigma = new double[8];
  private boolean[] inLoss = new boolean[8];
  private int length;

  void add(double hValue, double uValue, double meanValue, double sigmaValue) {
    if (length == h.length) {
      int n = 2 * length;
      h = Arrays.copyOf(h, n);
      u = Arrays.copyOf(u, n);
      mean = Arrays.copyOf(mean, n);
      sigma = Arrays.copyOf(sigma, n);
      inLoss = Arrays.copyOf(inLoss, n);
    }
    h[length] = hValue;
    u[length] = uValue;
    mean[length] = meanValue;
    sigma[length] = sigmaValue;
    length++;
  }

  /** Builds an episode from known actions (a trial the agent did not play); h_t = u_t. */
  static Episode ofActions(double[] actions, boolean[] mask, double[] means, double[] sigmas) {
    Episode e = new Episode();
    for (int t = 0; t < actions.length; t++) {
      e.add(actions[t], actions[t], means[t], sigmas[t]);
      e.setInLoss(t, mask[t]);
    }
    return e;
  }

  int length() {
    return length;
  }

  double h(int t) {
    return h[t];
  }

  double u(int t) {
    return u[t];
  }

  double mean(int t) {
    return mean[t];
  }

  double sigma(int t) {
    return sigma[t];
  }

  boolean inLoss(int t) {
    return inLoss[t];
  }

  void setInLoss(int t, boolean value) {
    if (t < 0 || t >= length) {
      throw new IllegalArgumentException("step must be in [0, " + length + "), but got " + t);
    }
    inLoss[t] = value;
  }

  /** The actions u as a K-vector, absent steps (not in the loss, or beyond the end) = 0. */
  double[] actionVector(int k) {
    double[] x = new double[k];
    for (int t = 0; t < Math.min(k, length); t++) {
      x[t] = inLoss[t] ? u[t] : 0.0;
    }
    return x;
  }

  boolean[] mask(int k) {
    boolean[] m = new boolean[k];
    for (int t = 0; t < Math.min(k, length); t++) {
      m[t] = inLoss[t];
    }
    return m;
  }
}
