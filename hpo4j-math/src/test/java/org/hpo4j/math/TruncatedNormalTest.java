package org.hpo4j.math;

import static org.hpo4j.math.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Targets against mpmath (truncnorm_pdf.csv, truncnorm_ppf.csv), including intervals 30 and 1000
 * standard deviations into a tail: logPdf relative error &lt;= 1e-12 plus 1e-16 z^2 absolute (the
 * cancellation of -z^2/2 against log Z); cdf absolute error &lt;= 1e-12; ppf error &lt;= 1e-12 of
 * the interval's scale min(high - low, sigma) plus 1e-15 |x|.
 */
class TruncatedNormalTest {
  @Test
  void logPdfAndCdf_goldenValues_match() {
    for (double[] r : Golden.read("truncnorm_pdf.csv")) {
      String what = String.format("TN(%s, %s, [%s, %s]) at %s", r[0], r[1], r[2], r[3], r[4]);
      double z = (r[4] - r[0]) / r[1];
      // -z^2/2 and log Z cancel: absolute error grows as ulp(z^2), 1e-10 at z = 1000
      assertClose(
          r[5],
          TruncatedNormal.logPdf(r[4], r[0], r[1], r[2], r[3]),
          1e-12,
          1e-12 + 1e-16 * z * z,
          "logPdf " + what);
      assertClose(r[6], TruncatedNormal.cdf(r[4], r[0], r[1], r[2], r[3]), 0, 1e-12, "cdf " + what);
    }
  }

  @Test
  void ppf_goldenValues_match() {
    for (double[] r : Golden.read("truncnorm_ppf.csv")) {
      String what =
          String.format("ppf of TN(%s, %s, [%s, %s]) at q=%s", r[0], r[1], r[2], r[3], r[4]);
      double scale = Math.min(r[3] - r[2], r[1]);
      assertClose(
          r[5], TruncatedNormal.ppf(r[4], r[0], r[1], r[2], r[3]), 1e-15, 1e-12 * scale, what);
    }
  }

  @Test
  void ppf_roundTripsCdf_inFarTails() {
    double[][] cases = {
      {0, 1, 30, 31}, {0, 1, -41, -40}, {5, 0.01, 0, 1}, {0, 1, 1000, 1000.5}, {0, 1, -3, 3}
    };
    for (double[] c : cases) {
      for (double q = 0.01; q < 1; q += 0.07) {
        double x = TruncatedNormal.ppf(q, c[0], c[1], c[2], c[3]);
        assertTrue(x >= c[2] && x <= c[3]);
        assertEquals(
            q, TruncatedNormal.cdf(x, c[0], c[1], c[2], c[3]), 1e-9, "q=" + q + " case " + c[2]);
      }
    }
  }

  @Test
  void sample_staysInBoundsAndHasTheRightMean() {
    SplittableRandom rng = new SplittableRandom(7);
    TruncatedNormal halfNormal = new TruncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY);
    double sum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double x = halfNormal.sample(rng);
      assertTrue(x >= 0 && Double.isFinite(x));
      sum += x;
    }
    // mean sqrt(2/pi) = 0.7979; sd of the sample mean 0.0043
    assertEquals(Math.sqrt(2 / Math.PI), sum / n, 0.02);
  }

  @Test
  void sample_farTail_isFiniteAndInside() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      double x = TruncatedNormal.sample(rng, 0.0, 1.0, 1000.0, 1001.0);
      assertTrue(x >= 1000.0 && x <= 1001.0 && x < 1000.1, "x=" + x); // mass is ~all within 0.01
      double y = TruncatedNormal.sample(rng, 0.5, 1e-3, -2.0, -1.0);
      assertTrue(
          y >= -2.0 && y <= -1.0 && y > -1.0 - 1e-4, "y=" + y); // mass within sigma^2/1.5 of -1
    }
  }

  @Test
  void logPdf_vectorised_equalsScalarAndIsMinusInfinityOutside() {
    double[] xs = {-1, 0, 0.1, 0.5, 0.99, 1, 2};
    double[] out = new double[xs.length];
    TruncatedNormal.logPdf(xs, 0.3, 0.2, 0, 1, out);
    double logNorm = TruncatedNormal.logNormalizer(0.3, 0.2, 0, 1);
    for (int i = 0; i < xs.length; i++) {
      double expected = TruncatedNormal.logPdf(xs[i], 0.3, 0.2, 0, 1);
      assertEquals(expected, out[i], 0.0);
      if (xs[i] >= 0 && xs[i] <= 1) {
        assertEquals(expected, TruncatedNormal.logPdf(xs[i], 0.3, 0.2, logNorm), 0.0);
      } else {
        assertEquals(Double.NEGATIVE_INFINITY, out[i]);
      }
    }
  }

  @Test
  void mixtureLogPdf_equalsBruteForceLogSumExp() {
    double[] mus = {0.1, 0.5, 0.52, 0.9, 3.0};
    double[] sigmas = {0.05, 0.2, 0.01, 0.3, 0.1};
    double[] logWeights = new double[mus.length];
    for (int i = 0; i < mus.length; i++) {
      logWeights[i] = Math.log((i + 1) / 15.0);
    }
    double[] coefficients = new double[mus.length];
    TruncatedNormal.mixtureLogCoefficients(mus, sigmas, logWeights, 0, 1, coefficients);
    double[] xs = {-0.1, 0, 0.1, 0.33, 0.52, 0.999, 1, 1.5};
    double[] out = new double[xs.length];
    TruncatedNormal.mixtureLogPdf(xs, mus, sigmas, coefficients, 0, 1, out);
    for (int j = 0; j < xs.length; j++) {
      double[] terms = new double[mus.length];
      for (int i = 0; i < mus.length; i++) {
        terms[i] = logWeights[i] + TruncatedNormal.logPdf(xs[j], mus[i], sigmas[i], 0, 1);
      }
      double expected = LogMath.logSumExp(terms);
      if (Double.isInfinite(expected)) {
        assertEquals(expected, out[j]);
      } else {
        assertEquals(expected, out[j], 1e-12 * Math.max(1, Math.abs(expected)), "x=" + xs[j]);
      }
    }
  }

  @Test
  void density_integratesToOne() {
    TruncatedNormal d = new TruncatedNormal(-0.4, 0.3, -1, 2);
    int n = 200_000;
    double h = 3.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(d.logPdf(-1 + (i + 0.5) * h)) * h;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void cdfAndPpf_atBounds_areExact() {
    assertEquals(0.0, TruncatedNormal.cdf(0.0, 0.3, 0.2, 0, 1), 0.0);
    assertEquals(1.0, TruncatedNormal.cdf(1.0, 0.3, 0.2, 0, 1), 0.0);
    assertEquals(0.0, TruncatedNormal.ppf(0.0, 0.3, 0.2, 0, 1), 0.0);
    assertEquals(1.0, TruncatedNormal.ppf(1.0, 0.3, 0.2, 0, 1), 0.0);
  }

  @Test
  void constructor_invalidParameters_throwNamingTheField() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, 0, 0, 1))
            .getMessage()
            .contains("sigma"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, 1, 1, 0))
            .getMessage()
            .contains("low < high"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(Double.NaN, 1, 0, 1))
            .getMessage()
            .contains("mu"));
    assertThrows(IllegalArgumentException.class, () -> TruncatedNormal.ppf(1.1, 0, 1, 0, 1));
  }
}
