package org.hpo4j.math;

import static org.hpo4j.math.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Targets: relative error &lt;= 1e-14 against mpmath (erf.csv, erfcx_large.csv), except in erfc's
 * subnormal range.
 */
class ErfTest {
  private static final double REL = 1e-14;

  @Test
  void erfErfcErfcx_goldenValues_matchWithin1e14() {
    for (double[] r : Golden.read("erf.csv")) {
      double x = r[0];
      assertClose(r[1], Erf.erf(x), REL, 0, "erf(" + x + ")");
      assertClose(r[2], Erf.erfc(x), REL, 1e-320, "erfc(" + x + ")");
      assertClose(r[3], Erf.erfcx(x), REL, 0, "erfcx(" + x + ")");
    }
  }

  @Test
  void erfcx_largeArguments_matchWithin1e14() {
    for (double[] r : Golden.read("erfcx_large.csv")) {
      assertClose(r[1], Erf.erfcx(r[0]), REL, 0, "erfcx(" + r[0] + ")");
    }
  }

  @Test
  void erf_isOddAndComplementsErfc() {
    for (double x = -6; x <= 6; x += 0.0137) {
      assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0);
      assertEquals(1.0, Erf.erf(x) + Erf.erfc(x), 4e-16);
    }
  }

  @Test
  void erfc_specialValues_areExact() {
    assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY));
    assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Erf.erfc(40.0));
    assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
    assertEquals(0.0, Erf.erf(0.0));
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, Erf.erfcx(-30.0));
  }

  @Test
  void erfc_aroundBranchPoints_isContinuous() {
    for (double b : new double[] {-0.5, 0.5}) {
      double below = Erf.erfc(Math.nextDown(b));
      double above = Erf.erfc(b);
      assertEquals(below, above, 4e-16 * above);
    }
  }
}
