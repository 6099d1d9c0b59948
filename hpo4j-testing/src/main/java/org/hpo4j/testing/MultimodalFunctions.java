package org.hpo4j.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multimodal functions beside the spec's eight (issue 23), held out from the tuning of every
 * sampler: many local optima or a deceptive basin, so a sampler that stops exploring too early ends
 * worse than random search on them. Parameters are {@code x0, x1, ...}; all are minimised, and each
 * global optimum is known in closed form.
 *
 * <ul>
 *   <li>{@code schwefel4}: sum_i -x_i sin(sqrt|x_i|) on [-500, 500]^4; the optimum -418.98288727
 *       per dimension at x_i = 420.968746, near the edge, and the second-best basins lie across the
 *       domain (the classic deceptive function).
 *   <li>{@code rastrigin5}: 10 d + sum_i (x_i^2 - 10 cos(2 pi x_i)) on [-5.12, 5.12]^5; optimum 0
 *       at the origin amid a regular grid of local minima.
 *   <li>{@code two_basins4}: on [0, 1]^4, the lower of a broad, shallow Gaussian well (depth 0.7,
 *       width 0.3, centre 0.25 in every coordinate) and a narrow, deep one (depth 1, width 0.12,
 *       centre 0.8): f = min(-0.7 exp(-|x - 0.25|^2 / (2 0.3^2)), -exp(-|x - 0.8|^2 / (2 0.12^2))).
 *       The broad well draws a greedy search to -0.7; the optimum is exactly -1 at x = 0.8.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class MultimodalFunctions {
  /** The Schwefel function's minimum per dimension. */
  public static final double SCHWEFEL_MIN = -418.9828872724338;

  /** Where each coordinate of the Schwefel function takes its minimum. */
  public static final double SCHWEFEL_ARGMIN = 420.9687463;

  private MultimodalFunctions() {}

  private static final Map<String, BenchmarkFunction> ALL = new LinkedHashMap<>();

  static {
    for (BenchmarkFunction f :
        List.of(
            BenchmarkFunctions.box(
                "schwefel4",
                4 * SCHWEFEL_MIN,
                fill(4, -500),
                fill(4, 500),
                MultimodalFunctions::schwefel),
            BenchmarkFunctions.box(
                "rastrigin5", 0, fill(5, -5.12), fill(5, 5.12), MultimodalFunctions::rastrigin),
            BenchmarkFunctions.box(
                "two_basins4", -1, fill(4, 0), fill(4, 1), MultimodalFunctions::twoBasins))) {
      ALL.put(f.name(), f);
    }
  }

  /**
   * @return the three functions, in the order above
   */
  public static List<BenchmarkFunction> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * @return the function of that name, or null
   */
  static BenchmarkFunction find(String name) {
    return ALL.get(name);
  }

  private static double[] fill(int d, double v) {
    double[] a = new double[d];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** Schwefel: sum of -x sin(sqrt|x|). */
  public static double schwefel(double[] x) {
    double s = 0;
    for (double v : x) {
      s -= v * Math.sin(Math.sqrt(Math.abs(v)));
    }
    return s;
  }

  /** Rastrigin with A = 10. */
  public static double rastrigin(double[] x) {
    double s = 10.0 * x.length;
    for (double v : x) {
      s += v * v - 10 * Math.cos(2 * Math.PI * v);
    }
    return s;
  }

  /**
   * The lower of a broad shallow well at 0.25 and a narrow deep one at 0.8 (see the class comment).
   */
  public static double twoBasins(double[] x) {
    double r1 = 0;
    double r2 = 0;
    for (double v : x) {
      r1 += (v - 0.25) * (v - 0.25);
      r2 += (v - 0.8) * (v - 0.8);
    }
    return Math.min(-0.7 * Math.exp(-r1 / (2 * 0.3 * 0.3)), -Math.exp(-r2 / (2 * 0.12 * 0.12)));
  }
}
