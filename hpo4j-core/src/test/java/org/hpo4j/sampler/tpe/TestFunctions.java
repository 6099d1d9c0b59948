package org.hpo4j.sampler.tpe;

import java.util.List;
import org.hpo4j.study.Objective;

/**
 * The benchmark functions of spec/benchmarks.md that the TPE tests need, defined here until
 * hpo4j-testing's BenchmarkFunctions lands on main. Each is minimised; {@link Fn#optimum} is its
 * known minimum.
 */
final class TestFunctions {
  private TestFunctions() {}

  record Fn(String name, double optimum, Objective objective) {}

  static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  static final double[][] A3 = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  static final double[][] P3 = {
    {0.3689, 0.1170, 0.2673},
    {0.4699, 0.4387, 0.7470},
    {0.1091, 0.8732, 0.5547},
    {0.03815, 0.5743, 0.8828}
  };
  static final double[][] A6 = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  static final double[][] P6 = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  static final Fn BRANIN =
      new Fn(
          "branin",
          0.397887,
          t -> {
            double x0 = t.suggestFloat("x0", -5, 10);
            double x1 = t.suggestFloat("x1", 0, 15);
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double s = 10;
            double tt = 1 / (8 * Math.PI);
            double u = x1 - b * x0 * x0 + c * x0 - 6;
            return u * u + s * (1 - tt) * Math.cos(x0) + s;
          });

  static final Fn HARTMANN3 =
      new Fn("hartmann3", -3.86278, t -> hartmann(floats(t, 3, 0, 1), A3, P3));
  static final Fn HARTMANN6 =
      new Fn("hartmann6", -3.32237, t -> hartmann(floats(t, 6, 0, 1), A6, P6));

  static final Fn ROSENBROCK4 =
      new Fn(
          "rosenbrock4",
          0,
          t -> {
            double[] x = floats(t, 4, -5, 10);
            double f = 0;
            for (int i = 0; i < x.length - 1; i++) {
              f += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
            }
            return f;
          });

  static final Fn ACKLEY5 =
      new Fn(
          "ackley5",
          0,
          t -> {
            double[] x = floats(t, 5, -32.768, 32.768);
            double sq = 0;
            double cs = 0;
            for (double v : x) {
              sq += v * v;
              cs += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(sq / x.length))
                - Math.exp(cs / x.length)
                + 20
                + Math.E;
          });

  static final Fn LEVY8 =
      new Fn(
          "levy8",
          0,
          t -> {
            double[] x = floats(t, 8, -10, 10);
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
              w[i] = 1 + (x[i] - 1) / 4;
            }
            double f = Math.pow(Math.sin(Math.PI * w[0]), 2);
            for (int i = 0; i < d - 1; i++) {
              f += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
            }
            return f
                + Math.pow(w[d - 1] - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
          });

  static final Fn STYBLINSKI8 =
      new Fn(
          "styblinski8",
          -39.16617 * 8,
          t -> {
            double f = 0;
            for (double v : floats(t, 8, -5, 5)) {
              f += (v * v * v * v - 16 * v * v + 5 * v) / 2;
            }
            return f;
          });

  static final Fn MIXED_CONDITIONAL =
      new Fn(
          "mixed_conditional",
          0,
          t -> {
            String opt = t.suggestCategorical("optimizer", List.of("adam", "sgd", "rmsprop"));
            double lr = t.suggestFloat("lr", 1e-5, 1, true);
            long depth = t.suggestInt("depth", 1, 12);
            String act = t.suggestCategorical("activation", List.of("relu", "tanh", "sigmoid"));
            double l = Math.log10(lr);
            double pen =
                switch (act) {
                  case "relu" -> 0;
                  case "tanh" -> 0.15;
                  default -> 0.4;
                };
            double f =
                switch (opt) {
                  case "adam" -> {
                    double beta1 = t.suggestFloat("beta1", 0.5, 0.999);
                    yield (l + 2.5) * (l + 2.5) + 30 * (beta1 - 0.9) * (beta1 - 0.9);
                  }
                  case "sgd" -> {
                    double m = t.suggestFloat("momentum", 0, 0.99);
                    yield (l + 1.5) * (l + 1.5) + 5 * (m - 0.85) * (m - 0.85) + 0.05;
                  }
                  default -> (l + 3) * (l + 3) + 0.2;
                };
            return f + 0.02 * (depth - 6) * (depth - 6) + pen;
          });

  static final List<Fn> ALL =
      List.of(
          BRANIN,
          HARTMANN3,
          HARTMANN6,
          ROSENBROCK4,
          ACKLEY5,
          LEVY8,
          STYBLINSKI8,
          MIXED_CONDITIONAL);

  static double[] floats(org.hpo4j.trial.Trial t, int d, double lo, double hi) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = t.suggestFloat("x" + i, lo, hi);
    }
    return x;
  }

  static double hartmann(double[] x, double[][] a, double[][] p) {
    double f = 0;
    for (int i = 0; i < 4; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
      }
      f -= ALPHA[i] * Math.exp(-s);
    }
    return f;
  }
}
