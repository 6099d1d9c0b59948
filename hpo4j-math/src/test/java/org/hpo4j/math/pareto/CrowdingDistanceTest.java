package org.hpo4j.math.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CrowdingDistanceTest {

  @Test
  void of_knownFront_matchesHandWorkedDistances() {
    // objective ranges are 4 and 4; interior points: (3-0)/4 + (4-1)/4 and (4-1)/4 + (2-0)/4
    double[][] front = {{0, 4}, {1, 2}, {3, 1}, {4, 0}};
    double inf = Double.POSITIVE_INFINITY;
    assertArrayEquals(new double[] {inf, 1.5, 1.25, inf}, CrowdingDistance.of(front), 1e-12);
  }

  @Test
  void of_flatObjective_addsNothingForIt() {
    double[][] front = {{0, 7}, {1, 7}, {3, 7}};
    double inf = Double.POSITIVE_INFINITY;
    assertArrayEquals(new double[] {inf, 1.0, inf}, CrowdingDistance.of(front), 1e-12);
  }

  @Test
  void of_twoPoints_allInfinite() {
    double inf = Double.POSITIVE_INFINITY;
    assertArrayEquals(
        new double[] {inf, inf}, CrowdingDistance.of(new double[][] {{0, 1}, {1, 0}}));
  }
}
