package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.math.TruncatedNormal;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

  private static ParzenEstimator fit(Distribution d, double[] internal) {
    Axis a = new Axis(d);
    double[][] pts = new double[1][internal.length];
    double[] w = new double[internal.length];
    for (int i = 0; i < internal.length; i++) {
      pts[0][i] = a.toAxis(internal[i]);
      w[i] = 1;
    }
    return ParzenEstimator.fit(new Axis[] {a}, pts, w, null, 1.0, false, 0);
  }

  @Test
  void logPdf_continuous_integratesToOne() {
    ParzenEstimator p = fit(new FloatDistribution(-2, 3), new double[] {-1.9, 0.0, 0.2, 2.9});
    int m = 20000;
    double[][] grid = new double[m][1];
    for (int i = 0; i < m; i++) {
      grid[i][0] = -2 + 5.0 * (i + 0.5) / m;
    }
    double[] lp = new double[m];
    p.logPdf(grid, lp);
    double sum = 0;
    for (double v : lp) {
      sum += Math.exp(v) * 5.0 / m;
    }
    assertEquals(1.0, sum, 1e-3);
  }

  @Test
  void logPdf_univariateClusterOffCentre_bandwidthsIgnoreThePriorCentre() {
    // 41 points on [2, 4] in steps of 0.05, on the axis [-10, 10] whose centre is 0. Every gap is
    // 0.05, so every bandwidth is the magic clip 20 / min(100, 43). Were the centre a neighbour,
    // the
    // point at 2 would get bandwidth 2 and put visible mass near 0.
    double[] xs = new double[41];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 2 + 0.05 * i;
    }
    ParzenEstimator p = fit(new FloatDistribution(-10, 10), xs);
    double clip = 20.0 / 43;
    double[] at = {0.0, 1.5, 3.0};
    double[] lp = new double[at.length];
    p.logPdf(new double[][] {{at[0]}, {at[1]}, {at[2]}}, lp);
    for (int c = 0; c < at.length; c++) {
      double sum = Math.exp(TruncatedNormal.logPdf(at[c], 0, 20, -10, 10));
      for (double x : xs) {
        sum += Math.exp(TruncatedNormal.logPdf(at[c], x, clip, -10, 10));
      }
      assertEquals(Math.log(sum / 42), lp[c], 1e-6, "log l at " + at[c]);
    }
  }

  @Test
  void logPdf_intAndCategorical_massesSumToOne() {
    IntDistribution ints = new IntDistribution(1, 9, false, 2);
    ParzenEstimator p = fit(ints, new double[] {1, 5, 5});
    double[][] pts = {{1}, {3}, {5}, {7}, {9}};
    double[] lp = new double[5];
    p.logPdf(pts, lp);
    double sum = 0;
    for (double v : lp) {
      sum += Math.exp(v);
    }
    assertEquals(1.0, sum, 1e-3);
    assertTrue(lp[2] > lp[4], "more mass on the observed 5 than on 9");

    CategoricalDistribution cat = new CategoricalDistribution(List.of("a", "b", "c"));
    ParzenEstimator c = fit(cat, new double[] {1, 1});
    double[] lc = new double[3];
    c.logPdf(new double[][] {{0}, {1}, {2}}, lc);
    assertEquals(1.0, Math.exp(lc[0]) + Math.exp(lc[1]) + Math.exp(lc[2]), 1e-12);
    assertTrue(lc[1] > lc[0]);
  }

  @Test
  void sample_logIntAxis_drawsLegalValuesNearObservations() {
    IntDistribution d = new IntDistribution(1, 1000, true, 1);
    Axis a = new Axis(d);
    double[] obs = new double[40];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = 10 + i % 3;
    }
    ParzenEstimator p = fit(d, obs);
    double[][] s = p.sample(new SplittableRandom(1), 500);
    int near = 0;
    for (double[] x : s) {
      double v = a.toInternal(x[0]);
      assertTrue(d.contains(v), "illegal " + v);
      near += v >= 5 && v <= 25 ? 1 : 0;
    }
    assertTrue(near > 250, "most draws near the observations, got " + near);
  }

  @Test
  void sample_weightedContinuousMixture_histogramMatchesDensity() {
    Axis a = new Axis(new FloatDistribution(-2, 3));
    double[][] pts = {{-1.9, 0.0, 0.2, 2.9, 1.0}};
    double[] w = {0.2, 1.0, 1.0, 0.5, 3.0};
    ParzenEstimator p = ParzenEstimator.fit(new Axis[] {a}, pts, w, null, 1.0, false, 0);
    int bins = 25;
    int draws = 200_000;
    double[] freq = new double[bins];
    for (double[] x : p.sample(new SplittableRandom(3), draws)) {
      freq[Math.min(bins - 1, (int) ((x[0] + 2) / 5 * bins))] += 1.0 / draws;
    }
    int grid = 200;
    double[][] at = new double[bins * grid][1];
    for (int i = 0; i < at.length; i++) {
      at[i][0] = -2 + 5.0 * (i + 0.5) / at.length;
    }
    double[] lp = new double[at.length];
    p.logPdf(at, lp);
    for (int b = 0; b < bins; b++) {
      double mass = 0;
      for (int i = b * grid; i < (b + 1) * grid; i++) {
        mass += Math.exp(lp[i]) * 5.0 / at.length;
      }
      // binomial standard error at 200k draws is below 0.0011 for any bin mass
      assertEquals(mass, freq[b], 0.004, "bin " + b);
    }
  }

  @Test
  void sample_stepAxis_frequenciesMatchMasses() {
    FloatDistribution d = new FloatDistribution(0, 2, false, 0.25);
    Axis a = new Axis(d);
    ParzenEstimator p =
        ParzenEstimator.fit(
            new Axis[] {a},
            new double[][] {{0.25, 0.5, 1.75}},
            new double[] {1, 2, 1},
            null,
            1.0,
            false,
            0);
    int draws = 100_000;
    double[] freq = new double[9];
    for (double[] x : p.sample(new SplittableRandom(5), draws)) {
      assertTrue(d.contains(a.toInternal(x[0])), "illegal " + x[0]);
      freq[(int) Math.round(x[0] / 0.25)] += 1.0 / draws;
    }
    double[][] values = new double[9][1];
    for (int v = 0; v < 9; v++) {
      values[v][0] = 0.25 * v;
    }
    double[] lp = new double[9];
    p.logPdf(values, lp);
    for (int v = 0; v < 9; v++) {
      assertEquals(Math.exp(lp[v]), freq[v], 0.005, "value " + values[v][0]);
    }
  }

  @Test
  void sample_jointKernels_drawEachAxisFromTheSameComponent() {
    // Two tight clusters on the diagonal of [0,1]^2: joint kernels leave the off-diagonal corners
    // nearly empty, which independent axes would fill with a quarter of the draws each.
    Axis a = new Axis(new FloatDistribution(0, 1));
    double[][] cols = new double[2][40];
    for (int i = 0; i < 40; i++) {
      double c = i % 2 == 0 ? 0.1 : 0.9;
      cols[0][i] = c + 0.001 * i;
      cols[1][i] = c - 0.001 * i;
    }
    double[] w = new double[40];
    java.util.Arrays.fill(w, 1.0);
    ParzenEstimator p = ParzenEstimator.fit(new Axis[] {a, a}, cols, w, null, 1.0, false, 0);
    int draws = 100_000;
    double[][] quadrant = new double[2][2];
    for (double[] x : p.sample(new SplittableRandom(9), draws)) {
      quadrant[x[0] < 0.5 ? 0 : 1][x[1] < 0.5 ? 0 : 1] += 1.0 / draws;
    }
    int g = 200;
    double[][] at = new double[g * g][];
    for (int i = 0; i < g; i++) {
      for (int j = 0; j < g; j++) {
        at[i * g + j] = new double[] {(i + 0.5) / g, (j + 0.5) / g};
      }
    }
    double[] lp = new double[at.length];
    p.logPdf(at, lp);
    double[][] mass = new double[2][2];
    for (int i = 0; i < at.length; i++) {
      mass[at[i][0] < 0.5 ? 0 : 1][at[i][1] < 0.5 ? 0 : 1] += Math.exp(lp[i]) / at.length;
    }
    for (int q = 0; q < 4; q++) {
      assertEquals(mass[q / 2][q % 2], quadrant[q / 2][q % 2], 0.006, "quadrant " + q);
    }
    assertTrue(
        quadrant[0][1] < 0.05, "off-diagonal mass only from the prior, got " + quadrant[0][1]);
  }

  @Test
  void upperTail_againstMathModule_absoluteErrorBelow1e7() {
    for (double x = 0; x < 9; x += 0.01) {
      assertEquals(org.hpo4j.math.Normal.cdf(-x), ParzenEstimator.upperTail(x), 1e-7, "x=" + x);
    }
  }
}
