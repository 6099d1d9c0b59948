package org.hpo4j.sampler.moo;

import java.util.SplittableRandom;

/**
 * How two parents make a child's numeric parameter, in the unit space of the parameter's
 * distribution (log space for log parameters, so a crossover never has to care). Categorical
 * parameters always use uniform crossover: the child takes either parent's choice.
 *
 * <p>Immutable and thread-safe.
 */
public enum Crossover {
  /** Takes either parent's value with probability 1/2. */
  UNIFORM {
    @Override
    double child(double a, double b, SplittableRandom rng) {
      return rng.nextBoolean() ? a : b;
    }
  },
  /**
   * Simulated binary crossover with bounds (Deb and Agrawal, "Simulated binary crossover for
   * continuous search space", Complex Systems 9, 1995), distribution index 15: children spread
   * around the parents as a one-point crossover of binary strings would, and never leave [0, 1].
   */
  SBX {
    @Override
    double child(double a, double b, SplittableRandom rng) {
      if (Math.abs(a - b) < 1e-14 || rng.nextBoolean()) {
        return rng.nextBoolean() ? a : b;
      }
      double lo = Math.min(a, b);
      double hi = Math.max(a, b);
      double eta = 15;
      double r = rng.nextDouble();
      if (rng.nextBoolean()) {
        double q = spread(1 + 2 * lo / (hi - lo), eta, r);
        return clamp(0.5 * ((lo + hi) - q * (hi - lo)));
      }
      double q = spread(1 + 2 * (1 - hi) / (hi - lo), eta, r);
      return clamp(0.5 * ((lo + hi) + q * (hi - lo)));
    }

    /** The spread factor for distance-to-bound ratio {@code beta} and uniform draw {@code r}. */
    private double spread(double beta, double eta, double r) {
      double alpha = 2 - Math.pow(beta, -(eta + 1));
      return r <= 1 / alpha
          ? Math.pow(r * alpha, 1 / (eta + 1))
          : Math.pow(1 / (2 - r * alpha), 1 / (eta + 1));
    }
  },
  /**
   * Blend crossover BLX-0.5 (Eshelman and Schaffer 1993): uniform on the parents' interval widened
   * by half its length on each side, clipped to [0, 1].
   */
  BLX_ALPHA {
    @Override
    double child(double a, double b, SplittableRandom rng) {
      double lo = Math.min(a, b);
      double d = Math.abs(a - b);
      return clamp(lo - 0.5 * d + rng.nextDouble() * 2 * d);
    }
  };

  /**
   * @return a child value in [0, 1] from parent values {@code a} and {@code b} in [0, 1]
   */
  abstract double child(double a, double b, SplittableRandom rng);

  static double clamp(double u) {
    return Math.max(0, Math.min(1, u));
  }

  /**
   * Polynomial mutation with bounds (Deb and Goyal 1996), distribution index 20: a perturbation of
   * {@code u} in [0, 1] that is mostly small and never leaves the interval.
   */
  static double polynomialMutation(double u, SplittableRandom rng) {
    double eta = 20;
    double r = rng.nextDouble();
    double delta;
    if (r < 0.5) {
      double v = 2 * r + (1 - 2 * r) * Math.pow(1 - u, eta + 1);
      delta = Math.pow(v, 1 / (eta + 1)) - 1;
    } else {
      double v = 2 * (1 - r) + 2 * (r - 0.5) * Math.pow(u, eta + 1);
      delta = 1 - Math.pow(v, 1 / (eta + 1));
    }
    return clamp(u + delta);
  }

  /**
   * @return the crossover named {@code name}: "uniform", "sbx" or "blx" (any case)
   * @throws IllegalArgumentException for another name, listing the allowed ones
   */
  public static Crossover parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (n) {
      case "uniform" -> UNIFORM;
      case "sbx" -> SBX;
      case "blx", "blx_alpha" -> BLX_ALPHA;
      default ->
          throw new IllegalArgumentException(
              "crossover must be one of uniform, sbx, blx, but got '" + name + "'");
    };
  }
}
