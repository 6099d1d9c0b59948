package org.hpo4j.sampler.moo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MotpeSplitTest {

  @Test
  void of_frontAndDominatedGoodPoint_weightsByHypervolumeContribution() {
    // front: (0,4), (1,1), (4,0); (2,2) is dominated by (1,1); (9,9) is bad
    double[][] p = {{0, 4}, {1, 1}, {4, 0}, {2, 2}, {9, 9}};
    MotpeSplit s = MotpeSplit.of(p, new double[5], 4);
    int[] below = s.below().clone();
    Arrays.sort(below);
    assertArrayEquals(new int[] {0, 1, 2, 3}, below);
    double knee = weightOf(s, 1);
    double dominated = weightOf(s, 3);
    // reference point 1.1 * worst = (4.4, 4.4): only the knee covers [1,4]^2 (9), each extreme 0.4
    // x 1
    assertTrue(knee > weightOf(s, 0) && knee > weightOf(s, 2), "knee " + knee);
    assertTrue(dominated < 1e-9 * knee, "dominated " + dominated);
    assertEquals(4.0, Arrays.stream(s.weights()).sum(), 1e-9, "weights average 1");
  }

  @Test
  void of_infeasibleGoodPoint_getsATinyWeight() {
    double[][] p = {{0, 1}, {1, 0}, {-5, -5}};
    MotpeSplit s = MotpeSplit.of(p, new double[] {0, 0, 2.0}, 3);
    assertTrue(weightOf(s, 2) < 1e-9, "infeasible " + weightOf(s, 2));
    assertEquals(weightOf(s, 0), weightOf(s, 1), 1e-12, "symmetric front points weigh the same");
  }

  @Test
  void of_singleGoodPoint_weighsOne() {
    MotpeSplit s = MotpeSplit.of(new double[][] {{1, 1}, {2, 2}}, new double[2], 1);
    assertArrayEquals(new int[] {0}, s.below());
    assertArrayEquals(new double[] {1.0}, s.weights());
  }

  @Test
  void referencePoint_negativeAndZeroWorst_staysOutsideThePoints() {
    double[] ref =
        BestSubset.referencePoint(
            java.util.List.of(new double[] {-2, 0, 3}, new double[] {-4, -1, 1}));
    assertArrayEquals(new double[] {-1.8, 1e-12, 3.3}, ref, 1e-12);
  }

  private static double weightOf(MotpeSplit s, int index) {
    for (int r = 0; r < s.below().length; r++) {
      if (s.below()[r] == index) {
        return s.weights()[r];
      }
    }
    throw new AssertionError("not good: " + index);
  }
}
