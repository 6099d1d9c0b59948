package org.hpo4j.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hpo4j.trial.Trial;

/**
 * The multi-objective functions of shared/spec/benchmarks.md: ZDT1, ZDT2, ZDT3 (30 variables in [0,
 * 1], two objectives, reference point (11, 11)) and DTLZ2 (12 variables in [0, 1], three
 * objectives, reference point (2.5, 2.5, 2.5)). Formulas are transcribed from that spec, which
 * follows Zitzler, Deb and Thiele (Evolutionary Computation 8(2), 2000) and Deb, Thiele, Laumanns
 * and Zitzler (CEC 2002). Thread-safe.
 */
public final class MultiObjectiveFunctions {
  private MultiObjectiveFunctions() {}

  private static final Map<String, MultiObjectiveFunction> ALL = new LinkedHashMap<>();

  static {
    add(of("zdt1", 30, new double[] {11, 11}, x -> zdt(x, 1)));
    add(of("zdt2", 30, new double[] {11, 11}, x -> zdt(x, 2)));
    add(of("zdt3", 30, new double[] {11, 11}, x -> zdt(x, 3)));
    add(of("dtlz2", 12, new double[] {2.5, 2.5, 2.5}, MultiObjectiveFunctions::dtlz2));
  }

  private static void add(MultiObjectiveFunction f) {
    ALL.put(f.name(), f);
  }

  /**
   * @return the four functions in the spec's order
   */
  public static List<MultiObjectiveFunction> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static MultiObjectiveFunction byName(String name) {
    MultiObjectiveFunction f = ALL.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown multi-objective function '"
              + name
              + "'; known: "
              + String.join(", ", ALL.keySet()));
    }
    return f;
  }

  /**
   * @return whether {@code name} is one of these functions
   */
  public static boolean isMultiObjective(String name) {
    return ALL.containsKey(name);
  }

  private static MultiObjectiveFunction of(
      String name, int n, double[] ref, Function<double[], double[]> f) {
    return new MultiObjectiveFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int objectives() {
        return ref.length;
      }

      @Override
      public double[] referencePoint() {
        return ref.clone();
      }

      @Override
      public double[] evaluate(Trial trial) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        return f.apply(x);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** ZDT: f1 = x0, g = 1 + 9 sum_{i>=1} x_i / (n - 1); f2 by variant. */
  static double[] zdt(double[] x, int variant) {
    int n = x.length;
    double s = 0;
    for (int i = 1; i < n; i++) {
      s += x[i];
    }
    double g = 1 + 9 * s / (n - 1);
    double r = x[0] / g;
    double f2 =
        switch (variant) {
          case 1 -> g * (1 - Math.sqrt(r));
          case 2 -> g * (1 - r * r);
          default -> g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * x[0]));
        };
    return new double[] {x[0], f2};
  }

  /** DTLZ2 with M = 3: g over the last k = n - 2 variables. */
  static double[] dtlz2(double[] x) {
    double g = 0;
    for (int i = 2; i < x.length; i++) {
      g += (x[i] - 0.5) * (x[i] - 0.5);
    }
    double a = x[0] * Math.PI / 2;
    double b = x[1] * Math.PI / 2;
    return new double[] {
      (1 + g) * Math.cos(a) * Math.cos(b),
      (1 + g) * Math.cos(a) * Math.sin(b),
      (1 + g) * Math.sin(a)
    };
  }
}
