package org.hpo4j.math;

import static org.hpo4j.math.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Targets against mpmath (normal.csv, ndtri_exp.csv): pdf, cdf, logNdtr relative error &lt;= 1e-14;
 * log h &lt;= 1e-13 relative; ndtriExp &lt;= 1e-14 relative (plus 1e-16 absolute for results near
 * 0).
 */
class NormalTest {
  @Test
  void pdfCdfLogNdtrLogH_goldenValues_match() {
    for (double[] r : Golden.read("normal.csv")) {
      double x = r[0];
      assertClose(r[1], Normal.pdf(x), 1e-14, 1e-320, "pdf(" + x + ")");
      assertClose(r[2], Normal.cdf(x), 1e-14, 1e-320, "cdf(" + x + ")");
      assertClose(r[3], Normal.logNdtr(x), 1e-14, 0, "logNdtr(" + x + ")");
      assertClose(r[4], Normal.logH(x), 1e-13, 0, "logH(" + x + ")");
    }
  }

  @Test
  void ndtriExp_goldenValues_match() {
    for (double[] r : Golden.read("ndtri_exp.csv")) {
      assertClose(r[1], Normal.ndtriExp(r[0]), 1e-14, 1e-16, "ndtriExp(" + r[0] + ")");
    }
  }

  @Test
  void ndtri_roundTripsCdf_overTheWholeRange() {
    for (double p :
        new double[] {
          1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97, 0.999999
        }) {
      double x = Normal.ndtri(p);
      // cdf amplifies x's rounding error by |x| * ulp(x): allow 2e-16 * max(1, x^2)
      assertClose(p, Normal.cdf(x), 2e-16 * Math.max(1, x * x), 0, "cdf(ndtri(" + p + "))");
    }
  }

  @Test
  void ndtriExp_roundTripsLogNdtr_downToMinusAMillion() {
    for (double y = -1e6; y < -1e-12; y /= 1.7) {
      double x = Normal.ndtriExp(y);
      assertClose(y, Normal.logNdtr(x), 1e-14, 0, "logNdtr(ndtriExp(" + y + "))");
    }
  }

  @Test
  void ndtri_endpointsAndInvalid_infinitiesAndThrows() {
    assertEquals(Double.NEGATIVE_INFINITY, Normal.ndtri(0.0));
    assertEquals(Double.POSITIVE_INFINITY, Normal.ndtri(1.0));
    assertEquals(0.0, Normal.ndtri(0.5), 1e-16);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Normal.ndtri(1.5));
    assertTrue(e.getMessage().contains("p=1.5"));
    assertThrows(IllegalArgumentException.class, () -> Normal.ndtri(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Normal.ndtriExp(0.1));
  }

  @Test
  void logNdtr_veryNegative_isFiniteAndMonotone() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double x = -1e5; x < 10; x = x < -1 ? x / 1.3 : x + 0.25) {
      double v = Normal.logNdtr(x);
      assertTrue(Double.isFinite(v) && v > previous, "logNdtr not increasing at " + x);
      previous = v;
    }
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logNdtr(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Normal.logNdtr(Double.POSITIVE_INFINITY), 0.0);
  }

  @Test
  void logH_acrossBranchPoints_isContinuous() {
    for (double z : new double[] {-1.0, -20.0}) {
      double a = Normal.logH(Math.nextDown(z));
      double b = Normal.logH(z);
      double c = Normal.logH(Math.nextUp(z));
      assertEquals(b, a, 1e-13 * Math.abs(b));
      assertEquals(b, c, 1e-13 * Math.abs(b));
    }
  }

  @Test
  void logHDerivative_matchesCentralDifferences() {
    for (double z : new double[] {-50, -25, -19, -5, -1.5, -0.5, 0, 0.7, 3, 10}) {
      double h = 1e-5 * Math.max(1, Math.abs(z));
      double numeric = (Normal.logH(z + h) - Normal.logH(z - h)) / (2 * h);
      assertClose(numeric, Normal.logHDerivative(z), 1e-6, 1e-12, "d logH(" + z + ")");
    }
  }

  @Test
  void logH_largePositive_isLogZ() {
    assertEquals(Math.log(50.0), Normal.logH(50.0), 1e-15);
  }
}
