package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

  private static ParzenEstimator fit(Distribution d, double[] internal, boolean multivariate) {
    Axis a = new Axis(d);
    double[][] pts = new double[1][internal.length];
    double[] w = new double[internal.length];
    for (int i = 0; i < internal.length; i++) {
      pts[0][i] = a.toAxis(internal[i]);
      w[i] = 1;
    }
    return ParzenEstimator.fit(new Axis[] {a}, pts, w, 1.0, multivariate, false, 0);
  }

  @Test
  void logPdf_continuous_integratesToOne() {
    ParzenEstimator p = fit(new FloatDistribution(-2, 3), new double[] {-1.9, 0.0, 0.2, 2.9}, false);
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
  void logPdf_intAndCategorical_massesSumToOne() {
    IntDistribution ints = new IntDistribution(1, 9, false, 2);
    ParzenEstimator p = fit(ints, new double[] {1, 5, 5}, true);
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
    ParzenEstimator c = fit(cat, new double[] {1, 1}, false);
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
    ParzenEstimator p = fit(d, obs, false);
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
  void upperTail_againstMathModule_absoluteErrorBelow1e7() {
    for (double x = 0; x < 9; x += 0.01) {
      assertEquals(org.hpo4j.math.Normal.cdf(-x), ParzenEstimator.upperTail(x), 1e-7, "x=" + x);
    }
  }
}
