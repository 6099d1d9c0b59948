package org.hpo4j.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SobolTest {
  private static final int[] GOLDEN_DIMS = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 63, 64, 127, 255, 511, 1023
  };

  @Test
  void unscrambled_first128Points_equalScipyInSelectedDimensions() {
    List<double[]> rows = Golden.read("sobol_unscrambled.csv");
    Sobol sobol = Sobol.unscrambled(Sobol.MAX_DIMENSION);
    double[] x = new double[Sobol.MAX_DIMENSION];
    for (double[] row : rows) {
      sobol.next(x);
      for (int c = 0; c < GOLDEN_DIMS.length; c++) {
        assertEquals(
            row[c + 1], x[GOLDEN_DIMS[c]], 0.0, "point " + (int) row[0] + " dim " + GOLDEN_DIMS[c]);
      }
    }
    assertEquals(128, sobol.index());
  }

  @Test
  void unscrambled_firstPoints_areTheKnownOnes() {
    Sobol sobol = Sobol.unscrambled(2);
    double[][] expected = {{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}};
    double[] x = new double[2];
    for (double[] e : expected) {
      sobol.next(x);
      assertArrayEquals(e, x, 0.0);
    }
  }

  @Test
  void scrambled_pointsLieInUnitCubeAndEveryDyadicIntervalIsBalanced() {
    int d = 64;
    int k = 10;
    int n = 1 << k;
    Sobol sobol = Sobol.scrambled(d, 42);
    int[][] counts = new int[d][n]; // per dimension, points per interval of width 2^-k
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      sobol.next(x);
      for (int j = 0; j < d; j++) {
        assertTrue(x[j] >= 0 && x[j] < 1, "x=" + x[j]);
        counts[j][(int) (x[j] * n)]++;
      }
    }
    for (int j = 0; j < d; j++) {
      for (int cell = 0; cell < n; cell++) {
        assertEquals(1, counts[j][cell], "dim " + j + " cell " + cell);
      }
    }
  }

  @Test
  void scrambled_firstTwoDimensions_formA0m2Net() {
    int m = 8;
    int n = 1 << m;
    for (int split = 0; split <= m; split++) { // boxes of 2^-split x 2^-(m-split)
      Sobol sobol = Sobol.scrambled(2, 3);
      boolean[] seen = new boolean[n];
      double[] x = new double[2];
      for (int i = 0; i < n; i++) {
        sobol.next(x);
        int cell = ((int) (x[0] * (1 << split)) << (m - split)) | (int) (x[1] * (1 << (m - split)));
        assertFalse(seen[cell], "two points in one elementary box, split " + split);
        seen[cell] = true;
      }
    }
  }

  @Test
  void scrambled_sameSeed_samePoints_otherSeed_otherPoints() {
    double[] a = new double[5];
    double[] b = new double[5];
    double[] c = new double[5];
    Sobol s1 = Sobol.scrambled(5, 11);
    Sobol s2 = Sobol.scrambled(5, 11);
    Sobol s3 = Sobol.scrambled(5, 12);
    for (int i = 0; i < 100; i++) {
      s1.next(a);
      s2.next(b);
      s3.next(c);
      assertArrayEquals(a, b, 0.0);
    }
    assertNotEquals(a[0], c[0]);
    Sobol fresh = Sobol.scrambled(5, 11);
    fresh.next(a);
    assertNotEquals(0.0, a[0]); // the digital shift moves the origin
  }

  @Test
  void skip_thenNext_equalsSequentialDraws() {
    Sobol sequential = Sobol.scrambled(7, 5);
    Sobol skipped = Sobol.scrambled(7, 5);
    double[] x = new double[7];
    double[] y = new double[7];
    for (int i = 0; i < 1000; i++) {
      sequential.next(x);
    }
    skipped.skip(600);
    skipped.skip(400);
    assertEquals(1000, skipped.index());
    sequential.next(x);
    skipped.next(y);
    assertArrayEquals(x, y, 0.0);
  }

  @Test
  void invalidArguments_throwWithTheRule() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Sobol.unscrambled(0))
            .getMessage()
            .contains("dimension"));
    assertThrows(IllegalArgumentException.class, () -> Sobol.scrambled(Sobol.MAX_DIMENSION + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Sobol.unscrambled(3).next(new double[2]));
    assertThrows(IllegalArgumentException.class, () -> Sobol.unscrambled(3).skip(-1));
  }

  @Test
  void nextCount_equalsThatManySingleDraws() {
    Sobol one = Sobol.scrambled(3, 42);
    double[][] rows = Sobol.scrambled(3, 42).next(5);
    double[] x = new double[3];
    for (double[] row : rows) {
      one.next(x);
      assertArrayEquals(x, row, 0.0);
    }
    assertThrows(IllegalArgumentException.class, () -> one.next(-1));
  }
}
