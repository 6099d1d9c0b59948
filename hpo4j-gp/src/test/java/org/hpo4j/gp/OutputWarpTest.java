package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputWarpTest {

  @Test
  void apply_heavyTail_isMonotoneInvertibleAndCompressesOutliers() {
    double[] losses = {3.0, 1.0, 2.0, 1e6, 5.0};
    OutputWarp warp = OutputWarp.fit(losses);
    assertEquals(0.0, warp.apply(1.0), 0.0);
    double previous = Double.NEGATIVE_INFINITY;
    for (double y : new double[] {1.0, 1.5, 2.0, 3.0, 5.0, 100.0, 1e6}) {
      double w = warp.apply(y);
      assertTrue(w > previous);
      assertEquals(y, warp.inverse(w), 1e-9 * Math.max(1, y));
      previous = w;
    }
    assertTrue(warp.apply(1e6) < 20, "outlier compressed to " + warp.apply(1e6));
  }

  @Test
  void fit_allLossesEqual_staysFinite() {
    OutputWarp warp = OutputWarp.fit(new double[] {2.0, 2.0, 2.0});
    assertEquals(0.0, warp.apply(2.0), 0.0);
    assertTrue(Double.isFinite(warp.apply(3.0)));
  }
}
