package org.hpo4j.sampler.moo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BestSubsetTest {

  @Test
  void select_wholeFrontsFit_takesThemInRankOrder() {
    double[][] p = {{5, 5}, {1, 3}, {3, 1}, {4, 4}};
    int[] s = BestSubset.select(p, new double[4], 3);
    Arrays.sort(s);
    assertArrayEquals(new int[] {1, 2, 3}, s);
  }

  @Test
  void select_criticalFront_prefersTheLargestHypervolumeGain() {
    // one front: the extremes (0,10), (10,0) and a knee (2,2) that adds far more volume than
    // (5,4.9)
    double[][] p = {{0, 10}, {10, 0}, {2, 2}, {5, 4.9}};
    int[] s = BestSubset.select(p, new double[4], 1);
    assertArrayEquals(new int[] {2}, s);
  }

  @Test
  void select_infeasiblePoints_comeAfterFeasibleOnes() {
    double[][] p = {{0, 0}, {9, 9}};
    assertArrayEquals(new int[] {1}, BestSubset.select(p, new double[] {1.0, 0}, 1));
  }

  @Test
  void select_kOutOfRange_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BestSubset.select(new double[][] {{1, 2}}, new double[1], 2));
  }
}
