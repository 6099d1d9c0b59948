package org.hpo4j.math.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  @Test
  void of_handWorked2d_sumsTheStaircase() {
    // staircase (1,3),(2,2),(3,1) under (4,4): 3*1 + 2*1 + 1*1
    List<double[]> p =
        List.of(new double[] {2, 2}, new double[] {1, 3}, new double[] {3, 1}, new double[] {3, 3});
    assertEquals(6.0, Hypervolume.of(p, new double[] {4, 4}), 1e-12);
  }

  @Test
  void of_pointsOutsideReference_countNothing() {
    List<double[]> p = List.of(new double[] {5, 0}, new double[] {4, 1}, new double[] {1, 1});
    assertEquals(9.0, Hypervolume.of(p, new double[] {4, 4}), 1e-12);
    assertEquals(0.0, Hypervolume.of(List.of(), new double[] {4, 4}));
  }

  @Test
  void of_handWorked3d_usesInclusionExclusion() {
    // boxes 2*2*1 and 1*1*2 overlapping in the unit cube [1,2]^3
    List<double[]> p = List.of(new double[] {0, 0, 1}, new double[] {1, 1, 0});
    assertEquals(5.0, Hypervolume.of(p, new double[] {2, 2, 2}), 1e-12);
    assertEquals(
        6.0,
        Hypervolume.of(List.<double[]>of(new double[] {0, 0, 0}), new double[] {1, 2, 3}),
        1e-12);
  }

  @Test
  void of_smallSetsWithTies_equalsInclusionExclusion() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int m = 2; m <= 4; m++) {
      double[] ref = new double[m];
      java.util.Arrays.fill(ref, 5);
      for (int rep = 0; rep < 40; rep++) {
        List<double[]> pts = new ArrayList<>();
        int n = 1 + rng.nextInt(7);
        for (int i = 0; i < n; i++) {
          double[] p = new double[m];
          for (int k = 0; k < m; k++) {
            p[k] = rng.nextInt(6); // ties, duplicates and points on the reference boundary
          }
          pts.add(p);
        }
        assertEquals(
            inclusionExclusion(pts, ref), Hypervolume.of(pts, ref), 1e-9, "m=" + m + " rep=" + rep);
      }
    }
  }

  /** Exact volume of a union of boxes [p, ref] by inclusion-exclusion over all subsets. */
  private static double inclusionExclusion(List<double[]> pts, double[] ref) {
    int n = pts.size();
    int m = ref.length;
    double total = 0;
    for (int mask = 1; mask < (1 << n); mask++) {
      double vol = 1;
      for (int k = 0; k < m; k++) {
        double lo = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            lo = Math.max(lo, pts.get(i)[k]);
          }
        }
        vol *= Math.max(0, ref[k] - lo);
      }
      total += Integer.bitCount(mask) % 2 == 1 ? vol : -vol;
    }
    return total;
  }

  @Test
  void of_random3dFront_agreesWithMonteCarloWithinOnePercent() {
    assertAgreesWithMonteCarlo(3, 40, 11);
  }

  @Test
  void of_random4dFront_agreesWithMonteCarloWithinOnePercent() {
    assertAgreesWithMonteCarlo(4, 25, 12);
  }

  private static void assertAgreesWithMonteCarlo(int m, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < n; i++) { // points near the positive unit sphere, some dominated
      double[] p = new double[m];
      double norm = 0;
      for (int k = 0; k < m; k++) {
        p[k] = Math.abs(rng.nextGaussian());
        norm += p[k] * p[k];
      }
      double radius = 1 + 0.3 * rng.nextDouble();
      for (int k = 0; k < m; k++) {
        p[k] = radius * p[k] / Math.sqrt(norm);
      }
      pts.add(p);
    }
    double[] ref = new double[m];
    java.util.Arrays.fill(ref, 1.5);
    double exact = Hypervolume.of(pts, ref);
    int samples = 400_000;
    int hits = 0;
    double[] x = new double[m];
    for (int s = 0; s < samples; s++) {
      for (int k = 0; k < m; k++) {
        x[k] = rng.nextDouble() * ref[k];
      }
      for (double[] p : pts) {
        boolean dominated = true;
        for (int k = 0; k < m && dominated; k++) {
          dominated = p[k] <= x[k];
        }
        if (dominated) {
          hits++;
          break;
        }
      }
    }
    double box = Math.pow(1.5, m);
    double mc = box * hits / samples;
    assertEquals(mc, exact, 0.01 * mc, "exact " + exact + " vs Monte Carlo " + mc);
  }

  @Test
  void trace_sequence_isTheHypervolumeOfEachPrefix() {
    List<double[]> p =
        List.of(
            new double[] {3, 3},
            new double[] {5, 5},
            new double[] {1, 3},
            new double[] {2, 2},
            new double[] {3, 1},
            new double[] {2, 2});
    double[] ref = {4, 4};
    double[] trace = Hypervolume.trace(p, ref);
    for (int i = 0; i < p.size(); i++) {
      assertEquals(Hypervolume.of(p.subList(0, i + 1), ref), trace[i], 1e-12, "prefix " + i);
    }
    assertEquals(6.0, trace[5], 1e-12);
  }

  @Test
  void contributions_staircase_isEachPointsExclusiveBox() {
    List<double[]> p =
        List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}, new double[] {3, 3});
    // (1,3) alone covers [1,2]x[3,4]; (2,2) covers [2,3]x[2,3]; (3,1) covers [3,4]x[1,2]; (3,3) is
    // dominated
    assertArrayEquals(
        new double[] {1, 1, 1, 0}, Hypervolume.contributions(p, new double[] {4, 4}), 1e-12);
  }

  @Test
  void of_wrongLength_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Hypervolume.of(List.<double[]>of(new double[] {1, 2, 3}), new double[] {4, 4}));
  }

  @Test
  void of_nanPoint_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Hypervolume.of(List.<double[]>of(new double[] {1, Double.NaN}), new double[] {4, 4}));
  }

  @Test
  void of_infiniteReference_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Hypervolume.of(
                List.<double[]>of(new double[] {1, 1}),
                new double[] {4, Double.POSITIVE_INFINITY}));
  }
}
