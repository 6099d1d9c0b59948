package org.hpo4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Identities with known closed forms; relative error targets 1e-15. */
class LogMathTest {
  @Test
  void log1mexp_tinyArgument_keepsAllDigits() {
    // 1 - exp(-1e-20) = 1e-20 (1 - 5e-21): the log is log(1e-20) to double precision
    assertEquals(Math.log(1e-20), LogMath.log1mexp(-1e-20), 1e-15 * 46.1);
  }

  @Test
  void log1mexp_largeNegativeArgument_isMinusExp() {
    assertEquals(-Math.exp(-50), LogMath.log1mexp(-50), 1e-15 * Math.exp(-50));
    assertEquals(Math.log1p(-0.5), LogMath.log1mexp(Math.log(0.5)), 1e-15);
  }

  @Test
  void log1mexp_zeroAndPositive_minusInfinityAndThrows() {
    assertEquals(Double.NEGATIVE_INFINITY, LogMath.log1mexp(0.0));
    assertEquals(0.0, LogMath.log1mexp(Double.NEGATIVE_INFINITY), 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogMath.log1mexp(0.1));
    assertTrue(e.getMessage().contains("a <= 0"));
  }

  @Test
  void logSumExp_largeValues_doesNotOverflow() {
    assertEquals(1000 + Math.log(2), LogMath.logSumExp(new double[] {1000, 1000}), 1e-12);
    assertEquals(-1000 + Math.log(3), LogMath.logSumExp(new double[] {-1000, -1000, -1000}), 1e-12);
  }

  @Test
  void logSumExp_emptyOrAllMinusInfinity_isMinusInfinity() {
    assertEquals(Double.NEGATIVE_INFINITY, LogMath.logSumExp(new double[0]));
    assertEquals(
        Double.NEGATIVE_INFINITY, LogMath.logSumExp(new double[] {Double.NEGATIVE_INFINITY}));
    assertEquals(2.0, LogMath.logSumExp(new double[] {Double.NEGATIVE_INFINITY, 2.0}), 0);
  }

  @Test
  void logSumExp_range_usesOnlyThatRange() {
    double[] v = {100, 1, 2, 100};
    assertEquals(Math.log(Math.exp(1) + Math.exp(2)), LogMath.logSumExp(v, 1, 3), 1e-15);
  }

  @Test
  void logAddExpAndLogSubExp_areInverse() {
    double a = -700.5;
    double b = -702.25;
    double sum = LogMath.logAddExp(a, b);
    assertEquals(a, LogMath.logSubExp(sum, b), 1e-13);
    assertEquals(
        Double.NEGATIVE_INFINITY,
        LogMath.logAddExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
    assertEquals(Double.NEGATIVE_INFINITY, LogMath.logSubExp(3.0, 3.0));
    assertThrows(IllegalArgumentException.class, () -> LogMath.logSubExp(1.0, 2.0));
  }

  @Test
  void logSumExp_indexedAndWindowed_sumsTheChosenTermsAndDropsTheFarOnes() {
    double[] v = {0.0, Math.log(3.0), -1000.0, Math.log(2.0)};
    assertEquals(Math.log(5.0), LogMath.logSumExp(v, new int[] {1, 3}, 2, 40), 1e-15);
    assertEquals(Math.log(6.0), LogMath.logSumExp(v, null, 4, 40), 1e-15);
    // With a window of 2, a term 3 below the maximum is left out, one 1 below is kept.
    double[] far = {0.0, -3.0, -1.0};
    assertEquals(Math.log1p(Math.exp(-1.0)), LogMath.logSumExp(far, null, 3, 2), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, LogMath.logSumExp(v, new int[0], 0, 40), 0.0);
    assertTrue(Double.isNaN(LogMath.logSumExp(new double[] {0.0, Double.NaN}, null, 2, 40)));
    assertThrows(IllegalArgumentException.class, () -> LogMath.logSumExp(v, null, 4, -1));
  }
}
