package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.math.BoundedMinimizer;
import org.hpo4j.math.Sobol;

/**
 * Maximises an acquisition over the unit cube of a {@link SpaceEncoding}: a few thousand
 * quasi-random candidates plus the incumbents and points scattered around them, then the best few
 * refined by bounded quasi-Newton over the continuous dimensions, alternating with an exhaustive
 * sweep of each discrete (categorical or small integer) dimension; integer dimensions optimised
 * continuously are rounded to their grid, and every returned point is legal.
 *
 * <p>Immutable and thread-safe; every call works on its own arrays.
 */
final class AcquisitionOptimizer {
  private final SpaceEncoding encoding;
  private final int candidates;
  private final int starts;
  private final int maxIterations;

  /**
   * @param candidates quasi-random candidates per call (&gt;= 1)
   * @param starts how many of the best candidates to refine (&gt;= 1)
   * @param maxIterations quasi-Newton iterations per refinement
   */
  AcquisitionOptimizer(SpaceEncoding encoding, int candidates, int starts, int maxIterations) {
    this.encoding = encoding;
    this.candidates = candidates;
    this.starts = starts;
    this.maxIterations = maxIterations;
  }

  /**
   * A unit point (masked: NaN where a conditional parameter is inactive) and its acquisition value.
   */
  record Proposal(double[] x, double value) {}

  /**
   * What is maximised: a function of a masked unit point (see {@link SpaceEncoding#mask}), with its
   * gradient over the present dimensions when {@code gradient} is not null (0 elsewhere).
   */
  @FunctionalInterface
  interface Scorer {
    double value(double[] x, double[] gradient);

    /**
     * @return the scorer of one GP's acquisition
     */
    static Scorer of(GpModel model, Acquisition acquisition) {
      return (x, g) -> acquisition.value(model.posterior(x, g != null), g);
    }
  }

  /**
   * @see #maximize(Scorer, double[][], long)
   */
  Proposal maximize(GpModel model, Acquisition acquisition, double[][] incumbents, long seed) {
    return maximize(Scorer.of(model, acquisition), incumbents, seed);
  }

  /**
   * @param incumbents unit points to include and search around (the best trials first); may be
   *     empty
   * @param seed determines the candidates
   */
  Proposal maximize(Scorer scorer, double[][] incumbents, long seed) {
    double[][] pool = candidatePool(incumbents, seed);
    double[] values = new double[pool.length];
    for (int i = 0; i < pool.length; i++) {
      values[i] = scorer.value(encoding.mask(pool[i]), null);
    }
    Integer[] order = new Integer[pool.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(finite(values[b]), finite(values[a])));
    Proposal best = new Proposal(pool[order[0]].clone(), values[order[0]]);
    // Refine the best quasi-random candidates and the best local ones separately, so that a basin
    // away from the incumbents is refined too, not only the cloud around them.
    int globalStarts = incumbents.length == 0 ? starts : Math.max(1, starts - starts / 2);
    List<double[]> seen = new ArrayList<>();
    int[] refined = new int[2];
    int[] quota = {globalStarts, starts - globalStarts};
    for (int r = 0; r < order.length && refined[0] + refined[1] < starts; r++) {
      int group = order[r] < candidates ? 0 : 1;
      double[] start = pool[order[r]];
      if (refined[group] >= quota[group] || seen.stream().anyMatch(s -> Arrays.equals(s, start))) {
        continue;
      }
      seen.add(start);
      refined[group]++;
      Proposal p = refine(scorer, start.clone(), values[order[r]]);
      if (finite(p.value()) > finite(best.value())) {
        best = p;
      }
    }
    // Branches of a conditional space: the best candidate of every value of every parent is
    // refined too, so each branch's own optimum competes (a sweep from another branch would try its
    // children only at arbitrary values).
    for (int j : encoding.parentDimensions()) {
      for (double level : encoding.levels(j)) {
        int pick = -1;
        for (int r = 0; r < order.length; r++) {
          if (pool[order[r]][j] == level) {
            pick = order[r];
            break;
          }
        }
        int chosen = pick;
        if (pick < 0 || seen.stream().anyMatch(s -> Arrays.equals(s, pool[chosen]))) {
          continue;
        }
        seen.add(pool[pick]);
        Proposal p = refine(scorer, pool[pick].clone(), values[pick]);
        if (finite(p.value()) > finite(best.value())) {
          best = p;
        }
      }
    }
    return new Proposal(encoding.mask(best.x()), best.value());
  }

  private static double finite(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  /**
   * Quasi-random points, the incumbents, and local perturbations of the incumbents, all snapped.
   */
  double[][] candidatePool(double[][] incumbents, long seed) {
    int d = encoding.dimension();
    int local = incumbents.length == 0 ? 0 : candidates / 4;
    double[][] global = Sobol.scrambled(d, seed).next(candidates);
    double[][] pool = new double[candidates + incumbents.length + local][];
    int k = 0;
    for (double[] g : global) {
      pool[k++] = encoding.snap(g);
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[][] filled = new double[incumbents.length][];
    for (int i = 0; i < incumbents.length; i++) {
      filled[i] = encoding.fill(incumbents[i].clone(), rng);
      pool[k++] = filled[i].clone();
    }
    incumbents = filled;
    for (int i = 0; i < local; i++) {
      double[] centre = incumbents[i % incumbents.length];
      double[] x = centre.clone();
      double sd = Math.exp(Math.log(0.002) + rng.nextDouble() * Math.log(0.3 / 0.002));
      for (int j = 0; j < d; j++) {
        double[] lv = encoding.levels(j);
        if (lv != null) {
          if (rng.nextDouble() < 1.0 / d) {
            x[j] = lv[rng.nextInt(lv.length)];
          }
        } else {
          x[j] += sd * gaussian(rng);
        }
      }
      pool[k++] = encoding.snap(x);
    }
    return pool;
  }

  private Proposal refine(Scorer scorer, double[] x, double value) {
    int[] free = encoding.continuousDimensions();
    boolean hasDiscrete = free.length < encoding.dimension();
    int rounds = hasDiscrete && free.length > 0 ? 2 : 1;
    for (int round = 0; round < rounds; round++) {
      if (free.length > 0) {
        value = gradientStep(scorer, x, free, value);
      }
      if (hasDiscrete) {
        value = sweep(scorer, x, value);
      }
    }
    return new Proposal(x, value);
  }

  /**
   * Bounded quasi-Newton over the continuous dimensions; x is updated in place when it improves.
   */
  private double gradientStep(Scorer scorer, double[] x, int[] free, double value) {
    int d = x.length;
    double[] z0 = new double[free.length];
    double[] lo = new double[free.length];
    double[] hi = new double[free.length];
    for (int i = 0; i < free.length; i++) {
      z0[i] = x[free[i]];
      hi[i] = 1.0;
    }
    double[] point = x.clone();
    double[] full = new double[d];
    BoundedMinimizer.Result m =
        BoundedMinimizer.minimize(
            (z, g) -> {
              for (int i = 0; i < free.length; i++) {
                point[free[i]] = z[i];
              }
              java.util.Arrays.fill(full, 0.0);
              double v = scorer.value(encoding.mask(point), full);
              for (int i = 0; i < free.length; i++) {
                g[i] = -full[free[i]];
              }
              return Double.isFinite(v) ? -v : Double.POSITIVE_INFINITY;
            },
            z0,
            lo,
            hi,
            BoundedMinimizer.Options.defaults()
                .withMaxIterations(Math.max(1, maxIterations))
                .withGradientTolerance(1e-6)
                .withFunctionTolerance(1e-9));
    double[] candidate = x.clone();
    for (int i = 0; i < free.length; i++) {
      candidate[free[i]] = m.x()[i];
    }
    encoding.snap(candidate);
    double v = scorer.value(encoding.mask(candidate), null);
    if (finite(v) > finite(value)) {
      System.arraycopy(candidate, 0, x, 0, d);
      return v;
    }
    return value;
  }

  /** For each discrete dimension in turn, tries every value; x is updated in place. */
  private double sweep(Scorer scorer, double[] x, double value) {
    for (int j = 0; j < x.length; j++) {
      double[] lv = encoding.levels(j);
      if (lv == null) {
        continue;
      }
      double keep = x[j];
      double bestLevel = keep;
      for (double level : lv) {
        if (level == keep) {
          continue;
        }
        x[j] = level;
        double v = scorer.value(encoding.mask(x), null);
        if (finite(v) > finite(value)) {
          value = v;
          bestLevel = level;
        }
      }
      x[j] = bestLevel;
    }
    return value;
  }

  static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
