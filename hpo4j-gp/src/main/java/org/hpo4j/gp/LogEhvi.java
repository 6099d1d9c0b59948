package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.hpo4j.math.LogMath;
import org.hpo4j.math.Normal;

/**
 * Log expected hypervolume improvement of M = 2..4 independent GP posteriors (one per objective,
 * minimised) over a Pareto front, exactly, by box decomposition of the region the front does not
 * dominate: a grid over the first M - 1 objectives whose cells each extend in the last objective up
 * to the best value of the front points dominating the cell's corner. Per box the improvement
 * factorises over objectives, {@code E[(u - max(l, Y))^+] = sigma (h(z_u) - h(z_l))} with {@code z
 * = (bound - mu) / sigma} and h as in {@link Acquisition}; the sum over boxes is taken in log space
 * and differentiated analytically.
 *
 * <p>References: Emmerich, Giannakoglou &amp; Naujoks, "Single- and Multiobjective Evolutionary
 * Optimization Assisted by Gaussian Random Field Metamodels", IEEE TEVC 2006 (EHVI); Yang et al.,
 * "Efficient computation of expected hypervolume improvement using box decomposition algorithms",
 * J. Global Optim. 2019; Ament et al., "Unexpected Improvements to Expected Improvement for
 * Bayesian Optimization", NeurIPS 2023 (the log form).
 *
 * <p>Notation: front points and the reference point r are M-vectors in the standardised units of
 * the objective GPs. Immutable and thread-safe.
 */
final class LogEhvi {
  /** At most this many boxes: a larger front is thinned evenly along the first objective. */
  static final int MAX_CELLS = 6000;

  private final int m;

  /**
   * lower[k][i], upper[k][i]: interval i of objective k (the last objective: lower is -infinity).
   */
  private final double[][] lower;

  private final double[][] upper;

  /** cells[c][k]: the interval of objective k of box c. */
  private final int[][] cells;

  private LogEhvi(double[][] lower, double[][] upper, int[][] cells) {
    this.m = lower.length;
    this.lower = lower;
    this.upper = upper;
    this.cells = cells;
  }

  /**
   * @param front points (any; dominated ones and those not below r are dropped)
   * @param ref the reference point r
   */
  static LogEhvi of(List<double[]> front, double[] ref) {
    int m = ref.length;
    List<double[]> pts = new ArrayList<>();
    for (double[] p : front) {
      boolean inside = true;
      for (int k = 0; k < m; k++) {
        inside &= p[k] < ref[k];
      }
      if (inside) {
        pts.add(p);
      }
    }
    pts = nonDominated(pts);
    pts.sort(Comparator.comparingDouble(p -> p[0]));
    int cap = (int) Math.floor(Math.pow(MAX_CELLS, 1.0 / (m - 1))) - 1;
    if (pts.size() > cap) {
      List<double[]> thin = new ArrayList<>();
      for (int i = 0; i < cap; i++) {
        thin.add(pts.get((int) ((long) i * (pts.size() - 1) / Math.max(1, cap - 1))));
      }
      pts = thin;
    }
    double[][] lower = new double[m][];
    double[][] upper = new double[m][];
    for (int k = 0; k < m - 1; k++) {
      TreeSet<Double> coords = new TreeSet<>();
      for (double[] p : pts) {
        coords.add(p[k]);
      }
      Double[] c = coords.toArray(new Double[0]);
      lower[k] = new double[c.length + 1];
      upper[k] = new double[c.length + 1];
      for (int i = 0; i <= c.length; i++) {
        lower[k][i] = i == 0 ? Double.NEGATIVE_INFINITY : c[i - 1];
        upper[k][i] = i < c.length ? c[i] : ref[k];
      }
    }
    TreeSet<Double> lastValues = new TreeSet<>();
    lastValues.add(ref[m - 1]);
    for (double[] p : pts) {
      lastValues.add(p[m - 1]);
    }
    double[] last = lastValues.stream().mapToDouble(Double::doubleValue).toArray();
    upper[m - 1] = last;
    lower[m - 1] = new double[last.length];
    Arrays.fill(lower[m - 1], Double.NEGATIVE_INFINITY);
    List<int[]> cells = new ArrayList<>();
    int[] idx = new int[m];
    final List<double[]> points = pts;
    while (true) {
      double u = ref[m - 1];
      for (double[] p : points) {
        boolean dominatesCorner = true;
        for (int k = 0; k < m - 1 && dominatesCorner; k++) {
          dominatesCorner = p[k] <= lower[k][idx[k]];
        }
        if (dominatesCorner) {
          u = Math.min(u, p[m - 1]);
        }
      }
      int[] cell = idx.clone();
      cell[m - 1] = Arrays.binarySearch(last, u);
      cells.add(cell);
      int k = 0;
      while (k < m - 1 && ++idx[k] == lower[k].length) {
        idx[k] = 0;
        k++;
      }
      if (k == m - 1) {
        break;
      }
    }
    return new LogEhvi(lower, upper, cells.toArray(new int[0][]));
  }

  private static List<double[]> nonDominated(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    for (double[] p : pts) {
      boolean dominated = false;
      for (double[] q : pts) {
        if (q != p
            && weaklyDominates(q, p)
            && (!Arrays.equals(q, p) || pts.indexOf(q) < pts.indexOf(p))) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean weaklyDominates(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
    }
    return true;
  }

  int boxes() {
    return cells.length;
  }

  /**
   * @param posteriors one per objective, with gradients when {@code gradient} is not null
   * @param gradient a d-vector to overwrite with d log EHVI / dx, or null
   * @return log EHVI (finite whenever the posteriors are)
   */
  double value(Posterior[] posteriors, double[] gradient) {
    double[][] logPsi = new double[m][];
    double[][] dMu = gradient == null ? null : new double[m][];
    double[][] dSigma = gradient == null ? null : new double[m][];
    double[] shift = new double[m];
    double[][] psi = new double[m][];
    for (int k = 0; k < m; k++) {
      int len = lower[k].length;
      logPsi[k] = new double[len];
      psi[k] = new double[len];
      if (gradient != null) {
        dMu[k] = new double[len];
        dSigma[k] = new double[len];
      }
      double mu = posteriors[k].mean();
      double sigma = posteriors[k].sd();
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < len; i++) {
        double zu = (upper[k][i] - mu) / sigma;
        double zl = (lower[k][i] - mu) / sigma;
        double lp = Math.log(sigma) + logHDifference(zl, zu);
        logPsi[k][i] = lp;
        max = Math.max(max, lp);
        if (gradient != null && Double.isFinite(lp)) {
          double lu = Normal.logNdtr(zu);
          double ll =
              zl == Double.NEGATIVE_INFINITY
                  ? Double.NEGATIVE_INFINITY
                  : Math.min(lu, Normal.logNdtr(zl));
          dMu[k][i] = -Math.exp(LogMath.logSubExp(lu, ll) - lp);
          double pu = Normal.logPdf(zu);
          double pl = zl == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : Normal.logPdf(zl);
          dSigma[k][i] =
              pu >= pl
                  ? Math.exp(LogMath.logSubExp(pu, pl) - lp)
                  : -Math.exp(LogMath.logSubExp(pl, pu) - lp);
        }
      }
      shift[k] = Double.isFinite(max) ? max : 0.0;
      for (int i = 0; i < len; i++) {
        psi[k][i] = Math.exp(logPsi[k][i] - shift[k]);
      }
    }
    double total = 0;
    double[] cellValue = new double[cells.length];
    for (int c = 0; c < cells.length; c++) {
      double v = 1;
      for (int k = 0; k < m; k++) {
        v *= psi[k][cells[c][k]];
      }
      cellValue[c] = v;
      total += v;
    }
    double shiftSum = 0;
    for (double s : shift) {
      shiftSum += s;
    }
    if (!(total > 0) || !Double.isFinite(total)) {
      if (gradient != null) {
        Arrays.fill(gradient, 0.0);
      }
      return slowValue(logPsi);
    }
    if (gradient != null) {
      Arrays.fill(gradient, 0.0);
      for (int k = 0; k < m; k++) {
        double[] w = new double[lower[k].length];
        for (int c = 0; c < cells.length; c++) {
          w[cells[c][k]] += cellValue[c] / total;
        }
        double gMu = 0;
        double gSigma = 0;
        for (int i = 0; i < w.length; i++) {
          if (w[i] > 0) {
            gMu += w[i] * dMu[k][i];
            gSigma += w[i] * dSigma[k][i];
          }
        }
        Posterior p = posteriors[k];
        double sigma = p.sd();
        boolean floored = p.variance() <= Posterior.MIN_VARIANCE;
        for (int j = 0; j < gradient.length; j++) {
          double ds = floored ? 0.0 : p.varianceGradient()[j] / (2.0 * sigma);
          gradient[j] += gMu * p.meanGradient()[j] + gSigma * ds;
        }
      }
    }
    return Math.log(total) + shiftSum;
  }

  /** log of the sum over boxes, term by term in log space (when the scaled sum underflows). */
  private double slowValue(double[][] logPsi) {
    double[] terms = new double[cells.length];
    for (int c = 0; c < cells.length; c++) {
      double v = 0;
      for (int k = 0; k < m; k++) {
        v += logPsi[k][cells[c][k]];
      }
      terms[c] = v;
    }
    return LogMath.logSumExp(terms);
  }

  /**
   * @return log(h(zu) - h(zl)) for zl &lt; zu (zl may be -infinity)
   */
  static double logHDifference(double zl, double zu) {
    double hu = Normal.logH(zu);
    if (zl == Double.NEGATIVE_INFINITY) {
      return hu;
    }
    double hl = Math.min(hu, Normal.logH(zl));
    double v = LogMath.logSubExp(hu, hl);
    if (!Double.isFinite(v) && zl > 0) {
      return Math.log(zu - zl); // h' = Phi ~ 1 far in the upper tail
    }
    return v;
  }
}
