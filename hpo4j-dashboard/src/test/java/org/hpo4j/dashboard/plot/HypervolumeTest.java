package org.hpo4j.dashboard.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are areas and volumes of unions of boxes, worked out by hand in the comments. */
class HypervolumeTest {

  @Test
  void of_twoPointsIn2d_isTheUnionOfTheirBoxes() {
    // boxes [1,3]x[2,3] (area 2) and [2,3]x[1,3] (area 2) overlap in [2,3]x[2,3] (area 1): 3
    assertEquals(3.0, Hypervolume.of(List.of(new double[] {1, 2}, new double[] {2, 1}), new double[] {3, 3}), 1e-12);
  }

  @Test
  void of_dominatedAndOutsidePoints_addNothing() {
    List<double[]> pts = List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {5, 0});
    assertEquals(4.0, Hypervolume.of(pts, new double[] {3, 3}), 1e-12);
  }

  @Test
  void of_threeObjectives_matchesInclusionExclusion() {
    // r = (2,2,2); a = (0,1,1): box 2*1*1 = 2; b = (1,0,1): 2; c = (1,1,0): 2;
    // pairwise intersections each 1*1*1 = 1 (three of them); triple 1; union = 6 - 3 + 1 = 4
    List<double[]> pts = List.of(new double[] {0, 1, 1}, new double[] {1, 0, 1}, new double[] {1, 1, 0});
    assertEquals(4.0, Hypervolume.of(pts, new double[] {2, 2, 2}), 1e-12);
  }

  @Test
  void of_fourObjectives_singlePointIsItsBox() {
    assertEquals(1 * 2 * 3 * 4.0,
        Hypervolume.of(List.of(new double[] {0, 0, 0, 0}), new double[] {1, 2, 3, 4}), 1e-12);
  }

  @Test
  void of_wrongLength_throws() {
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(new double[] {1}), new double[] {2, 2}));
  }
}
