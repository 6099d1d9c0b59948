package org.hpo4j.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.junit.jupiter.api.Test;

class MarginTest {

  @Test
  void bin_linearInt_isTheIndexInterval() {
    IntDistribution d = new IntDistribution(0, 4);
    assertArrayEquals(new double[] {0.4, 0.6}, Margin.bin(d, 0.5), 1e-12);
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0.2}, Margin.bin(d, 0.01), 1e-12);
    assertArrayEquals(new double[] {0.8, Double.POSITIVE_INFINITY}, Margin.bin(d, 1.0), 1e-12);
  }

  @Test
  void bin_logInt_hasEdgesHalfwayInValue() {
    IntDistribution d = new IntDistribution(1, 100, true, 1);
    double u = d.toUnit(10);
    double[] e = Margin.bin(d, u);
    assertEquals(10L, d.toExternal(d.snap(d.fromUnit(0.5 * (e[0] + e[1])))));
    assertEquals(9L, d.toExternal(d.snap(d.fromUnit(e[0] - 1e-9))));
    assertEquals(11L, d.toExternal(d.snap(d.fromUnit(e[1] + 1e-9))));
  }

  @Test
  void apply_collapsedIntegerCoordinate_restoresLeaveProbabilityAlpha() {
    Distribution[] dims = {new IntDistribution(0, 9), new FloatDistribution(0, 1)};
    CmaState s = new CmaState(new double[] {0.55, 0.5}, 1e-6, null, 6, false);
    Margin.apply(s, dims);
    double alpha = 1.0 / (2 * 6);
    double p = Margin.leave(Margin.bin(dims[0], 0.55), 0.55, s.marginalStd(0) * s.a[0]);
    assertEquals(alpha, p, 1e-6);
    assertEquals(1.0, s.a[1]); // continuous coordinates are left alone
    assertTrue(s.a[0] > 1);
  }
}
