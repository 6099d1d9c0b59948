package org.hpo4j.rl;

/**
 * Adam (Kingma and Ba, 2015, https://arxiv.org/abs/1412.6980) over one flat parameter vector, with
 * optional gradient-norm clipping before the step.
 *
 * <p>Not thread-safe: the owner serialises access.
 */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private long t;

  Adam(int size, double learningRate) {
    if (!(learningRate > 0.0)) {
      throw new IllegalArgumentException("learningRate must be > 0, but got " + learningRate);
    }
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /**
   * Scales {@code grads} so its Euclidean norm is at most {@code maxNorm}; returns the norm before.
   *
   * @throws ArithmeticException if the gradient holds NaN or infinity
   */
  static double clipNorm(double[] grads, double maxNorm) {
    double s = 0.0;
    for (double g : grads) {
      s += g * g;
    }
    double norm = Math.sqrt(s);
    if (!Double.isFinite(norm)) {
      throw new ArithmeticException("gradient is not finite (norm=" + norm + ")");
    }
    if (norm > maxNorm) {
      double k = maxNorm / norm;
      for (int i = 0; i < grads.length; i++) {
        grads[i] *= k;
      }
    }
    return norm;
  }

  /** One descent step: params -= lr * mhat / (sqrt(vhat) + eps). */
  void step(double[] params, double[] grads) {
    if (params.length != m.length || grads.length != m.length) {
      throw new IllegalArgumentException("params and grads must have length " + m.length);
    }
    t++;
    double c1 = 1.0 - Math.pow(BETA1, t);
    double c2 = 1.0 - Math.pow(BETA2, t);
    for (int i = 0; i < params.length; i++) {
      double g = grads[i];
      m[i] = BETA1 * m[i] + (1 - BETA1) * g;
      v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
      params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
    }
  }
}
