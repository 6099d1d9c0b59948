package org.hpo4j.gp;

/**
 * The GP covariance: a Matérn-5/2 kernel with one length scale per numeric dimension (ARD), times a
 * Hamming factor over the categorical dimensions, times a signal variance; the noise variance is
 * added on the diagonal of a training Gram matrix only.
 *
 * <p>Notation: x, x' are d-vectors in the unit cube. A numeric dimension j adds {@code (x_j -
 * x'_j)^2 / l_j^2} to r^2; a categorical dimension c adds {@code [x_c != x'_c] / l_c} to H. Then
 * {@code k(x, x') = s2 * m(r) * exp(-H)} with {@code m(r) = (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5
 * r)}. The hyperparameter vector is theta = (log l_0, ..., log l_{d-1}, log s2, log noise), of
 * length d + 2; {@link HyperparameterFit} optimises it.
 *
 * <p><b>Conditional dimensions</b> (parameters that exist only in some trials) hold NaN where the
 * parameter is absent. A conditional numeric dimension embeds its value on a half circle of radius
 * 1/pi (so nearby values keep their plain distance) and an absent value at the circle's centre (the
 * arc kernel of Swersky et al., "Raiders of the Lost Architecture: Kernels for Bayesian
 * Optimization in Conditional Parameter Spaces", arXiv:1409.4011, 2014, with its angle and radius
 * fixed): two present values add {@code (4 / pi^2) sin^2(pi (x_j - x'_j) / 2) / l_j^2} to r^2,
 * present against absent adds {@code (1 / pi^2) / l_j^2}, both absent add 0. The short distance to
 * "absent" lets trials of sibling branches share what they have in common (the parameters both
 * have), while the parent's categorical factor and the learned length scales decide how much. A
 * conditional categorical dimension treats "absent" as one more category. Both are Euclidean
 * embeddings, so the kernel stays positive definite.
 *
 * <p>Reference: Rasmussen &amp; Williams, Gaussian Processes for Machine Learning (2006), eq. 4.17.
 *
 * <p>Immutable and thread-safe.
 */
final class Kernel {
  static final double SQRT5 = Math.sqrt(5.0);

  private final boolean[] categorical;
  private final boolean[] conditional;

  /** 1 / l_j^2 for numeric dimensions, 1 / l_c for categorical ones. */
  private final double[] scale;

  private final double signal;
  private final double noise;
  private final double[] theta;

  /**
   * @param categorical a d-vector: which dimensions are categorical
   * @param theta the (d + 2)-vector of log hyperparameters (copied)
   */
  Kernel(boolean[] categorical, double[] theta) {
    this(categorical, new boolean[categorical.length], theta);
  }

  /**
   * @param conditional a d-vector: which dimensions may be absent (NaN)
   */
  Kernel(boolean[] categorical, boolean[] conditional, double[] theta) {
    int d = categorical.length;
    if (theta.length != d + 2) {
      throw new IllegalArgumentException(
          "theta must have d + 2 = " + (d + 2) + " entries, but got " + theta.length);
    }
    this.categorical = categorical.clone();
    this.conditional = conditional.clone();
    this.theta = theta.clone();
    this.scale = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = categorical[j] ? Math.exp(-theta[j]) : Math.exp(-2.0 * theta[j]);
    }
    this.signal = Math.exp(theta[d]);
    this.noise = Math.exp(theta[d + 1]);
  }

  int dimension() {
    return categorical.length;
  }

  boolean[] categorical() {
    return categorical.clone();
  }

  boolean[] conditional() {
    return conditional.clone();
  }

  boolean isCategorical(int j) {
    return categorical[j];
  }

  /**
   * @return 1 / l_j^2 for a numeric dimension j, 1 / l_j for a categorical one
   */
  double scale(int j) {
    return scale[j];
  }

  double signalVariance() {
    return signal;
  }

  double noiseVariance() {
    return noise;
  }

  /**
   * @return a copy of theta
   */
  double[] theta() {
    return theta.clone();
  }

  /** m(r) as a function of r^2. */
  static double matern(double r2) {
    double r = Math.sqrt(r2);
    return (1.0 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
  }

  /** dm / d(r^2) = -(5/6) (1 + sqrt5 r) exp(-sqrt5 r); finite at r = 0. */
  static double maternSlope(double r2) {
    double r = Math.sqrt(r2);
    return -5.0 / 6.0 * (1.0 + SQRT5 * r) * Math.exp(-SQRT5 * r);
  }

  /**
   * @return r^2 between a and b (numeric dimensions only)
   */
  double r2(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      if (!categorical[j]) {
        s += distance2(j, a[j], b[j]) * scale[j];
      }
    }
    return s;
  }

  /**
   * @return the squared distance of numeric dimension j before its length scale (see the class
   *     comment)
   */
  double distance2(int j, double a, double b) {
    if (!conditional[j]) {
      double t = a - b;
      return t * t;
    }
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    if (na || nb) {
      return na && nb ? 0.0 : ARC_RADIUS2;
    }
    double s = Math.sin(0.5 * Math.PI * (a - b));
    return 4.0 * ARC_RADIUS2 * s * s;
  }

  /** The squared radius 1/pi^2 of a conditional dimension's half circle. */
  static final double ARC_RADIUS2 = 1.0 / (Math.PI * Math.PI);

  /**
   * @return half of d distance2(j, a, b) / da: 0 when either is absent
   */
  private double halfSlope(int j, double a, double b) {
    if (!conditional[j]) {
      return a - b;
    }
    return Double.isNaN(a) || Double.isNaN(b) ? 0.0 : Math.sin(Math.PI * (a - b)) / Math.PI;
  }

  /**
   * @return H between a and b (categorical dimensions only)
   */
  double hamming(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      if (categorical[j] && differ(a[j], b[j])) {
        s += scale[j];
      }
    }
    return s;
  }

  /** Categorical values differ; NaN (absent) equals only NaN. */
  static boolean differ(double a, double b) {
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    return na || nb ? na != nb : Math.abs(a - b) > 1e-9;
  }

  /**
   * @return k(a, b) without noise
   */
  double value(double[] a, double[] b) {
    return signal * matern(r2(a, b)) * Math.exp(-hamming(a, b));
  }

  /**
   * @return the n x n matrix k(x_i, x_j) + noise * I, row-major
   */
  double[] gram(double[][] x) {
    int n = x.length;
    double[] k = new double[n * n];
    for (int i = 0; i < n; i++) {
      k[i * n + i] = signal + noise;
      for (int j = 0; j < i; j++) {
        double v = value(x[i], x[j]);
        k[i * n + j] = v;
        k[j * n + i] = v;
      }
    }
    return k;
  }

  /**
   * Adds {@code wa * d k(x, xi) / d x_j} to {@code a[j]} and {@code wb * d k(x, xi) / d x_j} to
   * {@code b[j]} for every numeric dimension j (categorical entries are left alone).
   */
  void addGradient(double[] x, double[] xi, double wa, double[] a, double wb, double[] b) {
    double c = signal * Math.exp(-hamming(x, xi)) * maternSlope(r2(x, xi)) * 2.0;
    for (int j = 0; j < x.length; j++) {
      if (!categorical[j]) {
        double g = c * halfSlope(j, x[j], xi[j]) * scale[j];
        a[j] += wa * g;
        b[j] += wb * g;
      }
    }
  }
}
