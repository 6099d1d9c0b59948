package org.hpo4j.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, stratified splits of a {@link Dataset} into row-index sets.
 *
 * <p>Classification stratifies by class; regression by deciles of the target, so that each part
 * sees the whole range of values. The same dataset and seed always give the same split.
 *
 * <p>Stateless and thread-safe.
 */
public final class Splits {
  private static final int REGRESSION_STRATA = 10;

  private Splits() {}

  /** Row indices of one cross-validation fold: fit on {@code train}, score on {@code valid}. */
  public record Fold(int[] train, int[] valid) {
    public Fold {
      train = train.clone();
      valid = valid.clone();
    }

    @Override
    public int[] train() {
      return train.clone();
    }

    @Override
    public int[] valid() {
      return valid.clone();
    }
  }

  /** Row indices of a train / validation / test split; {@code valid} may be empty. */
  public record TrainValidTest(int[] train, int[] valid, int[] test) {
    public TrainValidTest {
      train = train.clone();
      valid = valid.clone();
      test = test.clone();
    }

    @Override
    public int[] train() {
      return train.clone();
    }

    @Override
    public int[] valid() {
      return valid.clone();
    }

    @Override
    public int[] test() {
      return test.clone();
    }

    /** Train and validation rows together, e.g. to refit the chosen configuration. */
    public int[] trainAndValid() {
      int[] out = Arrays.copyOf(train, train.length + valid.length);
      System.arraycopy(valid, 0, out, train.length, valid.length);
      return out;
    }
  }

  /**
   * Splits all rows into train, validation and test parts with the given fractions; each stratum
   * contributes its share, rounded, to each part.
   *
   * @throws IllegalArgumentException if a fraction is outside [0, 1), their sum is not below 1, or
   *     the train part would be empty
   */
  public static TrainValidTest trainValidTest(
      Dataset data, double validFraction, double testFraction, long seed) {
    checkFraction("valid_fraction", validFraction);
    checkFraction("test_fraction", testFraction);
    if (validFraction + testFraction >= 1.0) {
      throw new IllegalArgumentException(
          String.format(
              "valid_fraction + test_fraction < 1 must hold, but got %s + %s",
              validFraction, testFraction));
    }
    List<int[]> strata = strata(data, seed);
    IntList train = new IntList();
    IntList valid = new IntList();
    IntList test = new IntList();
    for (int[] stratum : strata) {
      int n = stratum.length;
      int nTest = (int) Math.round(n * testFraction);
      int nValid = (int) Math.round(n * validFraction);
      if (nTest + nValid >= n && n > 0) {
        // keep at least one row of each stratum for training
        nValid = Math.max(0, Math.min(nValid, n - 1 - nTest));
        nTest = Math.min(nTest, n - 1 - nValid);
      }
      for (int i = 0; i < n; i++) {
        (i < nTest ? test : i < nTest + nValid ? valid : train).add(stratum[i]);
      }
    }
    if (train.size == 0) {
      throw new IllegalArgumentException("the train part is empty for " + data);
    }
    return new TrainValidTest(train.sortedArray(), valid.sortedArray(), test.sortedArray());
  }

  /** Like {@link #stratifiedKFold(Dataset, int[], int, long)} over all rows. */
  public static List<Fold> stratifiedKFold(Dataset data, int k, long seed) {
    int[] all = new int[data.rows()];
    Arrays.setAll(all, i -> i);
    return stratifiedKFold(data, all, k, seed);
  }

  /**
   * Splits the given rows into {@code k} folds; each fold's validation part holds about {@code 1/k}
   * of every stratum, and the validation parts partition {@code rows}.
   *
   * @throws IllegalArgumentException if {@code k < 2} or {@code k} exceeds the number of rows
   */
  public static List<Fold> stratifiedKFold(Dataset data, int[] rows, int k, long seed) {
    if (k < 2 || k > rows.length) {
      throw new IllegalArgumentException(
          String.format(
              "folds must be in [2, %d] (the number of rows), but got %d", rows.length, k));
    }
    Dataset view = data.subset(rows);
    int[] position = new int[rows.length];
    int p = 0;
    for (int[] stratum : strata(view, seed)) {
      for (int local : stratum) {
        position[p++] = local;
      }
    }
    // dealing the stratum-ordered rows round-robin keeps class ratios and fold sizes within one
    IntList[] validParts = new IntList[k];
    for (int f = 0; f < k; f++) {
      validParts[f] = new IntList();
    }
    for (int i = 0; i < position.length; i++) {
      validParts[i % k].add(rows[position[i]]);
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      IntList train = new IntList();
      for (int g = 0; g < k; g++) {
        if (g != f) {
          for (int i = 0; i < validParts[g].size; i++) {
            train.add(validParts[g].data[i]);
          }
        }
      }
      folds.add(new Fold(train.sortedArray(), validParts[f].sortedArray()));
    }
    return folds;
  }

  /** Row indices grouped by stratum, each group shuffled with {@code seed}. */
  private static List<int[]> strata(Dataset data, long seed) {
    int n = data.rows();
    int[] stratumOf = new int[n];
    int count;
    if (data.task() == Task.CLASSIFICATION) {
      count = data.classCount();
      for (int i = 0; i < n; i++) {
        stratumOf[i] = (int) data.target(i);
      }
    } else {
      Integer[] order = new Integer[n];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Float.compare(data.target(a), data.target(b)));
      count = Math.min(REGRESSION_STRATA, n);
      for (int rank = 0; rank < n; rank++) {
        stratumOf[order[rank]] = (int) ((long) rank * count / n);
      }
    }
    IntList[] groups = new IntList[count];
    for (int s = 0; s < count; s++) {
      groups[s] = new IntList();
    }
    for (int i = 0; i < n; i++) {
      groups[stratumOf[i]].add(i);
    }
    Random random = new Random(seed);
    List<int[]> out = new ArrayList<>(count);
    for (IntList g : groups) {
      int[] a = Arrays.copyOf(g.data, g.size);
      for (int i = a.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      out.add(a);
    }
    return out;
  }

  private static void checkFraction(String name, double f) {
    if (!(f >= 0.0 && f < 1.0)) {
      throw new IllegalArgumentException(
          String.format("'%s' must be in [0, 1), but got %s", name, f));
    }
  }

  private static final class IntList {
    int[] data = new int[16];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] sortedArray() {
      int[] a = Arrays.copyOf(data, size);
      Arrays.sort(a);
      return a;
    }
  }
}
