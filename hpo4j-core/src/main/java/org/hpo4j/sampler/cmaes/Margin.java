package org.hpo4j.sampler.cmaes;

import org.hpo4j.math.Normal;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * The margin of CMA-ES for integer and stepped coordinates (Hamano, Saito, Nomura and Shirakawa,
 * "CMA-ES with margin: lower-bounding marginal probability for mixed-integer black-box
 * optimization", GECCO 2022): once the distribution has shrunk inside one integer's bin, the search
 * would never try its neighbours again. After every update each discrete coordinate's marginal
 * probability of leaving its current bin is kept at least alpha = 1 / (n lambda), by widening that
 * coordinate with the diagonal scaling A of {@link CmaState}.
 *
 * <p>Simplification, stated: the paper also moves the mean towards the bin edge; here only A is
 * adjusted, recomputed from 1 at each generation, which keeps the same lower bound.
 *
 * <p>Notation: u is a coordinate in the unit space of its {@link Distribution}; a bin is the
 * interval of u that maps to one legal value. Stateless and thread-safe.
 */
final class Margin {
  private Margin() {}

  /**
   * @return whether the distribution has discrete values the margin must keep reachable
   */
  static boolean isDiscrete(Distribution d) {
    return d instanceof IntDistribution || (d instanceof FloatDistribution f && f.step() != null);
  }

  /**
   * @return {lo, hi}: the unit-space bin holding u, open (infinite) on a side without a neighbour
   */
  static double[] bin(Distribution d, double u) {
    double c = Math.max(0, Math.min(1, u));
    if (d instanceof IntDistribution i && i.log()) {
      double v = d.snap(d.fromUnit(c));
      double lo = Math.log(i.low() - 0.5);
      double span = Math.log(i.high() + 0.5) - lo;
      return new double[] {
        v <= i.low() ? Double.NEGATIVE_INFINITY : (Math.log(v - 0.5) - lo) / span,
        v >= i.high() ? Double.POSITIVE_INFINITY : (Math.log(v + 0.5) - lo) / span
      };
    }
    long k = d.cardinality();
    long idx = Math.min(k - 1, (long) Math.floor(c * k));
    return new double[] {
      idx == 0 ? Double.NEGATIVE_INFINITY : (double) idx / k,
      idx == k - 1 ? Double.POSITIVE_INFINITY : (double) (idx + 1) / k
    };
  }

  /** Recomputes A of {@code state} for the discrete coordinates of {@code space}. */
  static void apply(CmaState state, Distribution[] space) {
    double alpha = 1.0 / (state.n * state.lambda);
    for (int i = 0; i < state.n; i++) {
      state.a[i] = 1;
      if (!isDiscrete(space[i])) {
        continue;
      }
      double[] edges = bin(space[i], state.mean[i]);
      double m = state.mean[i];
      double s0 = state.marginalStd(i);
      if (!(s0 > 0) || leave(edges, m, s0) >= alpha) {
        continue;
      }
      double lo = Math.log(s0);
      double hi = lo;
      while (leave(edges, m, Math.exp(hi)) < alpha && hi < lo + 60) {
        hi += 2;
      }
      for (int it = 0; it < 60; it++) {
        double mid = 0.5 * (lo + hi);
        if (leave(edges, m, Math.exp(mid)) < alpha) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      state.a[i] = Math.exp(hi) / s0;
    }
  }

  /**
   * @return P(x outside [lo, hi]) for x ~ N(m, s^2)
   */
  static double leave(double[] edges, double m, double s) {
    double p = 0;
    if (Double.isFinite(edges[0])) {
      p += Normal.cdf((edges[0] - m) / s);
    }
    if (Double.isFinite(edges[1])) {
      p += Normal.cdf((m - edges[1]) / s);
    }
    return p;
  }
}
