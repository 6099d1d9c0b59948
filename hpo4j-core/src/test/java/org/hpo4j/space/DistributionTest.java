package org.hpo4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void floatOf_lowGreaterThanHigh_throwsNamingTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FloatDistribution.of("lr", 0.1, 0.01, false, null));
    assertEquals("low <= high must hold for 'lr', but got low=0.1, high=0.01", e.getMessage());
  }

  @Test
  void floatOf_logWithNonPositiveLow_throws() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FloatDistribution.of("lr", 0, 1, true, null));
    assertTrue(
        e.getMessage().contains("'lr'") && e.getMessage().contains("low > 0"), e.getMessage());
  }

  @Test
  void floatOf_stepNotDividingRange_throws() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FloatDistribution.of("drop", 0, 1, false, 0.3));
    assertTrue(
        e.getMessage().contains("'drop'") && e.getMessage().contains("step must divide"),
        e.getMessage());
  }

  @Test
  void intOf_badInputs_throwNamingTheParameter() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> IntDistribution.of("n", 5, 1, false, 1))
            .getMessage()
            .contains("'n'"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> IntDistribution.of("n", 0, 10, true, 1))
            .getMessage()
            .contains("low >= 1"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> IntDistribution.of("n", 1, 10, false, 2))
            .getMessage()
            .contains("step must divide"));
  }

  @Test
  void categoricalOf_emptyOrDuplicate_throws() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> CategoricalDistribution.of("act", List.of()))
            .getMessage()
            .contains("'act'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> CategoricalDistribution.of("act", List.of("relu", "relu")))
            .getMessage()
            .contains("distinct"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CategoricalDistribution.of("act", Arrays.asList("a", null)));
  }

  @Test
  void fromUnit_logFloat_isUniformInLogSpace() {
    FloatDistribution d = new FloatDistribution(1e-4, 1, true, null);
    assertEquals(1e-2, d.fromUnit(0.5), 1e-12);
    assertEquals(0.5, d.toUnit(1e-2), 1e-12);
  }

  @Test
  void fromUnit_step_givesEqualMassPerStep() {
    FloatDistribution d = new FloatDistribution(0, 1, false, 0.25);
    int[] counts = new int[5];
    for (int i = 0; i < 1000; i++) {
      double v = d.fromUnit((i + 0.5) / 1000);
      assertTrue(d.contains(v), "off grid: " + v);
      counts[(int) Math.round(v / 0.25)]++;
    }
    for (int c : counts) {
      assertEquals(200, c);
    }
  }

  @Test
  void intLog_everyValueReachableAndLegal() {
    IntDistribution d = new IntDistribution(1, 8, true, 1);
    boolean[] seen = new boolean[9];
    for (int i = 0; i < 1000; i++) {
      double v = d.fromUnit(i / 1000.0);
      assertTrue(d.contains(v));
      seen[(int) v] = true;
    }
    for (int k = 1; k <= 8; k++) {
      assertTrue(seen[k], "never drew " + k);
    }
  }

  @Test
  void snap_roundsToTheNearestLegalValue() {
    assertEquals(3, new IntDistribution(1, 9, false, 2).snap(3.9), 0);
    assertEquals(0.5, new FloatDistribution(0, 1, false, 0.25).snap(0.6), 1e-12);
    assertEquals(2, new CategoricalDistribution(List.of("a", "b", "c")).snap(7), 0);
    assertFalse(new IntDistribution(1, 9, false, 2).contains(4));
  }

  @Test
  void categorical_toInternal_acceptsNumbersOfAnotherType() {
    CategoricalDistribution d = new CategoricalDistribution(List.of(16, 32, 64));
    assertEquals(1, d.toInternal(32L), 0);
    assertEquals(2, d.toInternal(64.0), 0);
    assertThrows(IllegalArgumentException.class, () -> d.toInternal(8));
  }
}
