package org.hpo4j.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpo4j.ml.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static Dataset cancer;

  @BeforeAll
  static void load() throws IOException {
    cancer = CsvLoader.load(TestData.path("breast_cancer.csv"));
  }

  private static double positiveRate(Dataset d, int[] rows) {
    int pos = 0;
    for (int r : rows) {
      pos += d.target(r) == 1f ? 1 : 0;
    }
    return pos / (double) rows.length;
  }

  @Test
  void trainValidTest_keepsClassRatiosAndPartitionsRows() {
    var split = Splits.trainValidTest(cancer, 0.2, 0.2, 7);
    double overall = positiveRate(cancer, allRows(cancer.rows()));
    for (int[] part : List.of(split.train(), split.valid(), split.test())) {
      assertEquals(overall, positiveRate(cancer, part), 0.01);
    }
    assertEquals(cancer.rows(), split.train().length + split.valid().length + split.test().length);
    assertEquals(114, split.test().length, 1);
    Set<Integer> seen = new HashSet<>();
    for (int r : split.trainAndValid()) {
      assertTrue(seen.add(r));
    }
    for (int r : split.test()) {
      assertTrue(seen.add(r));
    }
  }

  @Test
  void trainValidTest_sameSeed_sameSplit_otherSeed_differs() {
    var a = Splits.trainValidTest(cancer, 0.1, 0.2, 3);
    var b = Splits.trainValidTest(cancer, 0.1, 0.2, 3);
    var c = Splits.trainValidTest(cancer, 0.1, 0.2, 4);
    assertArrayEquals(a.test(), b.test());
    assertFalse(Arrays.equals(a.test(), c.test()));
  }

  @Test
  void trainValidTest_fractionsSumToOne_throwsNamingFields() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Splits.trainValidTest(cancer, 0.5, 0.5, 1));
    assertTrue(e.getMessage().contains("valid_fraction + test_fraction"), e.getMessage());
  }

  @Test
  void stratifiedKFold_validPartsPartitionRowsAndKeepRatios() {
    List<Splits.Fold> folds = Splits.stratifiedKFold(cancer, 5, 11);
    assertEquals(5, folds.size());
    int[] count = new int[cancer.rows()];
    double overall = positiveRate(cancer, allRows(cancer.rows()));
    for (Splits.Fold f : folds) {
      for (int r : f.valid()) {
        count[r]++;
      }
      assertEquals(cancer.rows(), f.train().length + f.valid().length);
      assertEquals(cancer.rows() / 5.0, f.valid().length, 1.0);
      assertEquals(overall, positiveRate(cancer, f.valid()), 0.01);
    }
    for (int c : count) {
      assertEquals(1, c);
    }
  }

  @Test
  void stratifiedKFold_subsetOfRows_staysInsideSubset() {
    int[] rows = Splits.trainValidTest(cancer, 0.0, 0.2, 1).train();
    Set<Integer> allowed = new HashSet<>();
    for (int r : rows) {
      allowed.add(r);
    }
    for (Splits.Fold f : Splits.stratifiedKFold(cancer, rows, 3, 2)) {
      for (int r : f.train()) {
        assertTrue(allowed.contains(r));
      }
      for (int r : f.valid()) {
        assertTrue(allowed.contains(r));
      }
    }
  }

  @Test
  void stratifiedKFold_regression_balancesTargetRange() throws IOException {
    Dataset diabetes = CsvLoader.load(TestData.path("diabetes.csv"));
    List<Splits.Fold> folds = Splits.stratifiedKFold(diabetes, 4, 5);
    double mean = mean(diabetes, allRows(diabetes.rows()));
    for (Splits.Fold f : folds) {
      assertEquals(mean, mean(diabetes, f.valid()), 0.05 * mean);
    }
  }

  @Test
  void stratifiedKFold_oneFold_throws() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedKFold(cancer, 1, 0));
    assertTrue(e.getMessage().contains("folds must be in [2, 569]"), e.getMessage());
  }

  private static double mean(Dataset d, int[] rows) {
    double s = 0;
    for (int r : rows) {
      s += d.target(r);
    }
    return s / rows.length;
  }

  private static int[] allRows(int n) {
    int[] a = new int[n];
    Arrays.setAll(a, i -> i);
    return a;
  }
}
