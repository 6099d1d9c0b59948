package org.hpo4j.sampler.moo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * NSGA-III's niching (Deb and Jain, "An evolutionary many-objective optimization algorithm using
 * reference-point-based nondominated sorting approach", IEEE TEC 18(4), 2014, section IV): the
 * members are normalised by the ideal point and the intercepts of the hyperplane through the
 * extreme points, each is associated with the nearest Das-Dennis reference direction, and the
 * critical front fills the least crowded directions first. Keeps a many-objective population spread
 * where crowding distance no longer discriminates.
 *
 * <p>Notation: m objectives; W the r x m reference directions on the unit simplex ({@code
 * divisions} steps per axis, r = C(m + divisions - 1, divisions)). Immutable and thread-safe;
 * reference directions are built per call because m is known only then (they are cheap).
 */
final class ReferencePointNiching implements Survival.Niching {
  private final int divisions;

  ReferencePointNiching(int divisions) {
    this.divisions = divisions;
  }

  @Override
  public double[] scores(List<Survival.Member> front) {
    return new double[front.size()]; // NSGA-III's tournament compares ranks only
  }

  @Override
  public List<Survival.Member> choose(
      List<Survival.Member> kept, List<Survival.Member> front, int k) {
    int m = front.get(0).loss().length;
    List<Survival.Member> all = new ArrayList<>(kept);
    all.addAll(front);
    double[][] f = normalised(all, m);
    double[][] w = directions(m, divisions);
    int[] ref = new int[all.size()];
    double[] dist = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      ref[i] = -1;
      dist[i] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < w.length; j++) {
        double d = perpendicular(f[i], w[j]);
        if (d < dist[i]) {
          dist[i] = d;
          ref[i] = j;
        }
      }
    }
    int[] niche = new int[w.length];
    for (int i = 0; i < kept.size(); i++) {
      niche[ref[i]]++;
    }
    long salt = 0;
    for (Survival.Member x : front) {
      salt = salt * 31 + x.number();
    }
    SplittableRandom rng = new SplittableRandom(salt);
    boolean[] taken = new boolean[front.size()];
    boolean[] excluded = new boolean[w.length];
    List<Survival.Member> chosen = new ArrayList<>();
    while (chosen.size() < k) {
      int min = Integer.MAX_VALUE;
      List<Integer> least = new ArrayList<>();
      for (int j = 0; j < w.length; j++) {
        if (excluded[j]) {
          continue;
        }
        if (niche[j] < min) {
          min = niche[j];
          least.clear();
        }
        if (niche[j] == min) {
          least.add(j);
        }
      }
      int j = least.get(rng.nextInt(least.size()));
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < front.size(); i++) {
        if (!taken[i] && ref[kept.size() + i] == j) {
          candidates.add(i);
        }
      }
      if (candidates.isEmpty()) {
        excluded[j] = true;
        continue;
      }
      int pick = candidates.get(rng.nextInt(candidates.size()));
      if (niche[j] == 0) {
        for (int i : candidates) {
          if (dist[kept.size() + i] < dist[kept.size() + pick]) {
            pick = i;
          }
        }
      }
      taken[pick] = true;
      niche[j]++;
      chosen.add(front.get(pick).withScores(front.get(pick).rank(), 0));
    }
    return chosen;
  }

  /**
   * Translates by the ideal point and divides by the hyperplane intercepts (or the nadir, if
   * degenerate).
   */
  static double[][] normalised(List<Survival.Member> all, int m) {
    double[] ideal = new double[m];
    double[] worst = new double[m];
    Arrays.fill(ideal, Double.POSITIVE_INFINITY);
    Arrays.fill(worst, Double.NEGATIVE_INFINITY);
    for (Survival.Member x : all) {
      for (int a = 0; a < m; a++) {
        ideal[a] = Math.min(ideal[a], x.loss()[a]);
        worst[a] = Math.max(worst[a], x.loss()[a]);
      }
    }
    double[][] f = new double[all.size()][m];
    for (int i = 0; i < all.size(); i++) {
      for (int a = 0; a < m; a++) {
        f[i][a] = all.get(i).loss()[a] - ideal[a];
      }
    }
    double[] intercepts = intercepts(f, m);
    for (int a = 0; a < m; a++) {
      if (intercepts == null || !(intercepts[a] > 1e-10) || !Double.isFinite(intercepts[a])) {
        intercepts = null;
        break;
      }
    }
    for (double[] row : f) {
      for (int a = 0; a < m; a++) {
        double scale = intercepts != null ? intercepts[a] : Math.max(worst[a] - ideal[a], 1e-12);
        row[a] /= scale;
      }
    }
    return f;
  }

  /**
   * @return the axis intercepts of the hyperplane through the m extreme points, or null if singular
   */
  private static double[] intercepts(double[][] f, int m) {
    DMatrixRMaj extremes = new DMatrixRMaj(m, m);
    for (int a = 0; a < m; a++) {
      double best = Double.POSITIVE_INFINITY;
      int arg = 0;
      for (int i = 0; i < f.length; i++) {
        double asf = 0;
        for (int b = 0; b < m; b++) {
          asf = Math.max(asf, f[i][b] / (b == a ? 1.0 : 1e-6));
        }
        if (asf < best) {
          best = asf;
          arg = i;
        }
      }
      for (int b = 0; b < m; b++) {
        extremes.set(a, b, f[arg][b]);
      }
    }
    DMatrixRMaj ones = new DMatrixRMaj(m, 1);
    ones.fill(1.0);
    DMatrixRMaj x = new DMatrixRMaj(m, 1);
    if (!CommonOps_DDRM.solve(extremes, ones, x)) {
      return null;
    }
    double[] out = new double[m];
    for (int a = 0; a < m; a++) {
      out[a] = 1.0 / x.get(a, 0);
    }
    return out;
  }

  private static double perpendicular(double[] f, double[] w) {
    double dot = 0;
    double ww = 0;
    for (int a = 0; a < f.length; a++) {
      dot += f[a] * w[a];
      ww += w[a] * w[a];
    }
    double t = dot / ww;
    double d = 0;
    for (int a = 0; a < f.length; a++) {
      double e = f[a] - t * w[a];
      d += e * e;
    }
    return Math.sqrt(d);
  }

  /**
   * @return the Das-Dennis points: every m-vector of multiples of 1/p summing to 1
   */
  static double[][] directions(int m, int p) {
    List<double[]> out = new ArrayList<>();
    fill(new int[m], 0, p, p, out);
    return out.toArray(new double[0][]);
  }

  private static void fill(int[] k, int axis, int left, int p, List<double[]> out) {
    if (axis == k.length - 1) {
      k[axis] = left;
      double[] w = new double[k.length];
      for (int a = 0; a < k.length; a++) {
        w[a] = (double) k[a] / p;
      }
      out.add(w);
      return;
    }
    for (int i = 0; i <= left; i++) {
      k[axis] = i;
      fill(k, axis + 1, left - i, p, out);
    }
  }

  @Override
  public String toString() {
    return "referencePoints(divisions=" + divisions + ")";
  }
}
