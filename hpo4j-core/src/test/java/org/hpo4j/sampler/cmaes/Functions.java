package org.hpo4j.sampler.cmaes;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;

/** Test helpers: a few continuous functions of spec/benchmarks.md, and a regret run. */
final class Functions {
  private Functions() {}

  static double[] domain(String fn) {
    return switch (fn) {
      case "branin" -> new double[] {-5, 10};
      case "hartmann3", "hartmann6" -> new double[] {0, 1};
      case "sphere4", "rosenbrock4" -> new double[] {-5, 10};
      case "ackley5" -> new double[] {-32.768, 32.768};
      case "levy8" -> new double[] {-10, 10};
      case "styblinski8" -> new double[] {-5, 5};
      default -> throw new IllegalArgumentException(fn);
    };
  }

  static int dims(String fn) {
    return switch (fn) {
      case "branin" -> 2;
      case "hartmann3" -> 3;
      case "hartmann6" -> 6;
      case "sphere4", "rosenbrock4" -> 4;
      case "ackley5" -> 5;
      default -> 8;
    };
  }

  static double optimum(String fn) {
    return switch (fn) {
      case "branin" -> 0.397887;
      case "hartmann3" -> -3.86278;
      case "hartmann6" -> -3.32237;
      case "styblinski8" -> -39.16617 * 8;
      default -> 0;
    };
  }

  static double evaluate(String fn, Trial t) {
    int n = dims(fn);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double[] dom = fn.equals("branin") && i == 1 ? new double[] {0, 15} : domain(fn);
      x[i] = t.suggestFloat("x" + i, dom[0], dom[1]);
    }
    return value(fn, x);
  }

  static double value(String fn, double[] x) {
    int n = x.length;
    double s = 0;
    switch (fn) {
      case "branin" -> {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double q = x[1] - b * x[0] * x[0] + c * x[0] - 6;
        return q * q + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x[0]) + 10;
      }
      case "sphere4" -> {
        for (double v : x) {
          s += v * v;
        }
        return s;
      }
      case "rosenbrock4" -> {
        for (int i = 0; i < n - 1; i++) {
          s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return s;
      }
      case "ackley5" -> {
        double sq = 0;
        double cs = 0;
        for (double v : x) {
          sq += v * v;
          cs += Math.cos(2 * Math.PI * v);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(sq / n)) - Math.exp(cs / n) + 20 + Math.E;
      }
      case "levy8" -> {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
          w[i] = 1 + (x[i] - 1) / 4;
        }
        s = Math.pow(Math.sin(Math.PI * w[0]), 2);
        for (int i = 0; i < n - 1; i++) {
          s += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
        }
        return s
            + (w[n - 1] - 1) * (w[n - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[n - 1]), 2));
      }
      case "styblinski8" -> {
        for (double v : x) {
          s += (v * v * v * v - 16 * v * v + 5 * v) / 2;
        }
        return s;
      }
      case "hartmann3", "hartmann6" -> {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a =
            n == 3
                ? new double[][] {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}}
                : new double[][] {
                  {10, 3, 17, 3.5, 1.7, 8},
                  {0.05, 10, 17, 0.1, 8, 14},
                  {3, 3.5, 1.7, 10, 17, 8},
                  {17, 8, 0.05, 10, 0.1, 14}
                };
        double[][] p =
            n == 3
                ? new double[][] {
                  {0.3689, 0.1170, 0.2673},
                  {0.4699, 0.4387, 0.7470},
                  {0.1091, 0.8732, 0.5547},
                  {0.03815, 0.5743, 0.8828}
                }
                : new double[][] {
                  {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
                  {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                  {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
                  {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
                };
        for (int i = 0; i < 4; i++) {
          double e = 0;
          for (int j = 0; j < n; j++) {
            e += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
          }
          s -= alpha[i] * Math.exp(-e);
        }
        return s;
      }
      default -> throw new IllegalArgumentException(fn);
    }
  }

  /**
   * @return the final regret of {@code trials} trials of {@code fn} under {@code sampler}
   */
  static double regret(String fn, Sampler sampler, int trials) {
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(t -> evaluate(fn, t), trials);
    return study.bestValue() - optimum(fn);
  }
}
