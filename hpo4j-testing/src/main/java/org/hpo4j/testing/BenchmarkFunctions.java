package org.hpo4j.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hpo4j.trial.Trial;

/**
 * The eight single-objective functions of shared/spec/benchmarks.md, with their domains and optima.
 * Formulas are transcribed from that spec; see it for the constants' provenance.
 */
public final class BenchmarkFunctions {
  private BenchmarkFunctions() {}

  private static final Map<String, BenchmarkFunction> ALL = new LinkedHashMap<>();

  static {
    add(
        box(
            "branin",
            0.397887,
            new double[] {-5, 0},
            new double[] {10, 15},
            BenchmarkFunctions::branin));
    add(box("hartmann3", -3.86278, 3, 0, 1, x -> Hartmann.h3(x)));
    add(box("hartmann6", -3.32237, 6, 0, 1, x -> Hartmann.h6(x)));
    add(box("rosenbrock4", 0, 4, -5, 10, BenchmarkFunctions::rosenbrock));
    add(box("ackley5", 0, 5, -32.768, 32.768, BenchmarkFunctions::ackley));
    add(box("levy8", 0, 8, -10, 10, BenchmarkFunctions::levy));
    add(box("styblinski8", -39.16617 * 8, 8, -5, 5, BenchmarkFunctions::styblinski));
    add(new MixedConditional());
  }

  private static void add(BenchmarkFunction f) {
    ALL.put(f.name(), f);
  }

  /**
   * @return the eight functions in the spec's order
   */
  public static List<BenchmarkFunction> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * @return one of the eight, of the conditional suite ({@link ConditionalFunctions}) or of the
   *     multimodal functions ({@link MultimodalFunctions})
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static BenchmarkFunction byName(String name) {
    BenchmarkFunction f = ALL.get(name);
    if (f == null) {
      f = ConditionalFunctions.find(name);
    }
    if (f == null) {
      f = MultimodalFunctions.find(name);
    }
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown function '"
              + name
              + "'; known functions: "
              + String.join(", ", ALL.keySet())
              + " (or 'all'); conditional: "
              + String.join(
                  ", ", ConditionalFunctions.all().stream().map(BenchmarkFunction::name).toList())
              + "; multimodal: "
              + String.join(
                  ", ", MultimodalFunctions.all().stream().map(BenchmarkFunction::name).toList()));
    }
    return f;
  }

  /** A function of x0..x(d-1) on one interval per dimension. */
  static BenchmarkFunction box(
      String name, double optimum, double[] lo, double[] hi, ToDoubleFunction<double[]> f) {
    return new BenchmarkFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double optimum() {
        return optimum;
      }

      @Override
      public double evaluate(Trial trial) {
        double[] x = new double[lo.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = trial.suggestFloat("x" + i, lo[i], hi[i]);
        }
        return f.applyAsDouble(x);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static BenchmarkFunction box(
      String name, double optimum, int d, double lo, double hi, ToDoubleFunction<double[]> f) {
    double[] l = new double[d];
    double[] h = new double[d];
    java.util.Arrays.fill(l, lo);
    java.util.Arrays.fill(h, hi);
    return box(name, optimum, l, h, f);
  }

  /** Branin-Hoo with a=1, b=5.1/(4 pi^2), c=5/pi, r=6, s=10, t=1/(8 pi). */
  public static double branin(double[] x) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
    return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
  }

  /** Rosenbrock: sum of 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2. */
  public static double rosenbrock(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      s += 100 * a * a + b * b;
    }
    return s;
  }

  /** Ackley with a=20, b=0.2, c=2 pi. */
  public static double ackley(double[] x) {
    double sq = 0;
    double cs = 0;
    for (double v : x) {
      sq += v * v;
      cs += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cs / d) + 20 + Math.E;
  }

  /** Levy, with w_i = 1 + (x_i - 1) / 4. */
  public static double levy(double[] x) {
    int d = x.length;
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = 1 + (x[i] - 1) / 4;
    }
    double s = Math.pow(Math.sin(Math.PI * w[0]), 2);
    for (int i = 0; i < d - 1; i++) {
      s += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
    }
    double wl = w[d - 1];
    return s + (wl - 1) * (wl - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * wl), 2));
  }

  /** Styblinski-Tang: sum of (x^4 - 16 x^2 + 5 x) / 2. */
  public static double styblinski(double[] x) {
    double s = 0;
    for (double v : x) {
      s += (v * v * v * v - 16 * v * v + 5 * v) / 2;
    }
    return s;
  }
}
