package org.hpo4j.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmaStateTest {

  /** Runs generations on a shifted sphere in the unit cube and returns the final state. */
  private static CmaState run(boolean separable, boolean active, int generations) {
    double[] opt = {0.3, 0.7, 0.55, 0.2};
    CmaState s = new CmaState(new double[] {0.5, 0.5, 0.5, 0.5}, 0.2, null, 8, separable, active);
    SplittableRandom rng = new SplittableRandom(1);
    for (int g = 0; g < generations; g++) {
      double[][] xs = new double[s.lambda][];
      double[] f = new double[s.lambda];
      for (int k = 0; k < s.lambda; k++) {
        xs[k] = s.sample(rng);
        for (int i = 0; i < 4; i++) {
          f[k] += (i + 1) * (xs[k][i] - opt[i]) * (xs[k][i] - opt[i]);
        }
      }
      assertTrue(s.tell(xs, f));
    }
    return s;
  }

  @Test
  void tell_shiftedEllipsoid_meanConvergesToTheOptimum() {
    for (boolean active : new boolean[] {false, true}) {
      CmaState s = run(false, active, 120);
      assertEquals(0.3, s.mean[0], 1e-4);
      assertEquals(0.7, s.mean[1], 1e-4);
      assertEquals(0.2, s.mean[3], 1e-4);
      assertTrue(s.sigma < 0.01, "sigma " + s.sigma);
    }
  }

  @Test
  void tell_separable_keepsTheCovarianceDiagonal() {
    CmaState s = run(true, false, 40);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i != j) {
          assertEquals(0.0, s.c[i][j]);
        }
      }
    }
    assertEquals(0.55, s.mean[2], 1e-2);
  }

  @Test
  void stagnation_collapsedStepSize_asksForARestart() {
    CmaState s = new CmaState(new double[] {0.5, 0.5}, 1e-13, null, 6, false);
    assertTrue(s.stagnation().orElse("").contains("step size collapsed"));
    assertTrue(new CmaState(new double[] {0.5, 0.5}, 0.2, null, 6, false).stagnation().isEmpty());
  }
}
