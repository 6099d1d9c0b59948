package org.hpo4j.math.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonDominatedSortTest {

  @Test
  void ranks_handWorkedTwoObjectives_givesFronts() {
    double[][] p = {
      {1, 5}, {2, 3}, {4, 1}, // front 0
      {2, 5}, {3, 4}, {5, 2}, // front 1
      {6, 6}, // front 2
      {2, 3}, // duplicate of a front-0 point shares its rank
    };
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 0}, NonDominatedSort.ranks(p));
  }

  @Test
  void ranks_handWorkedThreeObjectives_givesFronts() {
    double[][] p = {{1, 1, 1}, {0, 2, 2}, {2, 2, 2}, {2, 0, 3}, {3, 3, 3}, {1, 1, 1}};
    assertArrayEquals(new int[] {0, 0, 1, 0, 2, 0}, NonDominatedSort.ranks(p));
  }

  @Test
  void ranks_twoObjectiveSweep_agreesWithDebSort() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int rep = 0; rep < 20; rep++) {
      int n = 1 + rng.nextInt(60);
      double[][] two = new double[n][];
      double[][] three = new double[n][];
      for (int i = 0; i < n; i++) {
        double a = rng.nextInt(8);
        double b = rng.nextInt(8);
        two[i] = new double[] {a, b};
        three[i] = new double[] {a, b, 0}; // same dominance, forces the O(m n^2) path
      }
      assertArrayEquals(NonDominatedSort.ranks(three), NonDominatedSort.ranks(two));
    }
  }

  @Test
  void ranks_withViolations_putsFeasibleFirstAndInfeasibleByViolation() {
    double[][] p = {{5, 5}, {0, 0}, {1, 1}, {9, 9}, {0, 1}};
    double[] v = {0, 2.0, 0.5, 0, 0.5};
    // feasible: (5,5) rank 0, (9,9) rank 1; infeasible by violation: 0.5 -> rank 2 (two points),
    // 2.0 -> 3
    assertArrayEquals(new int[] {0, 3, 2, 1, 2}, NonDominatedSort.ranks(p, v));
  }

  @Test
  void fronts_ranks_groupsIndicesByRank() {
    List<int[]> f = NonDominatedSort.fronts(new int[] {1, 0, 1, 2});
    assertArrayEquals(new int[] {1}, f.get(0));
    assertArrayEquals(new int[] {0, 2}, f.get(1));
    assertArrayEquals(new int[] {3}, f.get(2));
  }

  @Test
  void ranks_nan_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> NonDominatedSort.ranks(new double[][] {{1, Double.NaN}}));
  }

  @Test
  void ranks_raggedRows_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> NonDominatedSort.ranks(new double[][] {{1, 2}, {1}}));
  }
}
