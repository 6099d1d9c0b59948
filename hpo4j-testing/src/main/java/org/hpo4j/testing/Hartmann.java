package org.hpo4j.testing;

/**
 * Hartmann 3-D and 6-D: f = - sum_i alpha_i exp(- sum_j A_ij (x_j - P_ij)^2). Constants from
 * shared/spec/benchmarks.md.
 */
final class Hartmann {
  private Hartmann() {}

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A3 = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  private static final double[][] P3 = {
    {0.3689, 0.1170, 0.2673},
    {0.4699, 0.4387, 0.7470},
    {0.1091, 0.8732, 0.5547},
    {0.03815, 0.5743, 0.8828}
  };
  private static final double[][] A6 = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P6 = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  static double h3(double[] x) {
    return eval(x, A3, P3);
  }

  static double h6(double[] x) {
    return eval(x, A6, P6);
  }

  private static double eval(double[] x, double[][] a, double[][] p) {
    double f = 0;
    for (int i = 0; i < 4; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        double d = x[j] - p[i][j];
        s += a[i][j] * d * d;
      }
      f -= ALPHA[i] * Math.exp(-s);
    }
    return f;
  }
}
