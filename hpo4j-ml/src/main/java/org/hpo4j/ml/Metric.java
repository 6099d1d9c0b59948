package org.hpo4j.ml;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hpo4j.ml.data.Task;

/**
 * A score of predictions against targets, with the direction in which it is better.
 *
 * <p>Predictions are given per row: for classification the class probabilities ({@code rows x
 * classes}; binary models may give one column, the probability of class 1); for regression a single
 * column holding the value.
 *
 * <p>Stateless and thread-safe.
 */
public enum Metric {
  /** Fraction of rows whose most probable class is the true class. */
  ACCURACY(true, Task.CLASSIFICATION),
  /** Mean negative log-likelihood of the true class (probabilities clipped to [1e-15, 1]). */
  LOGLOSS(false, Task.CLASSIFICATION),
  /** Area under the ROC curve; binary classification only. */
  AUC(true, Task.CLASSIFICATION),
  /** Root mean squared error. */
  RMSE(false, Task.REGRESSION);

  private static final double EPS = 1e-15;
  private final boolean maximize;
  private final Task task;

  Metric(boolean maximize, Task task) {
    this.maximize = maximize;
    this.task = task;
  }

  /** True if larger values are better. */
  public boolean maximize() {
    return maximize;
  }

  /** The task this metric scores. */
  public Task task() {
    return task;
  }

  /** The lower-case name used in study files. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The default metric of a task: accuracy for classification, RMSE for regression. */
  public static Metric defaultFor(Task task) {
    return task == Task.CLASSIFICATION ? ACCURACY : RMSE;
  }

  /**
   * Parses a study-file name.
   *
   * @throws IllegalArgumentException naming {@code field} and the allowed names
   */
  public static Metric parse(String field, String name) {
    for (Metric m : values()) {
      if (m.key().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            "'%s' must be one of %s, but got '%s'",
            field, Arrays.stream(values()).map(Metric::key).toList(), name));
  }

  /**
   * Checks that this metric fits a dataset.
   *
   * @throws IllegalArgumentException naming {@code field} if the task differs or AUC meets more
   *     than two classes
   */
  public void checkFits(String field, Task dataTask, int classes) {
    if (dataTask != task) {
      List<String> ok =
          Arrays.stream(values()).filter(m -> m.task == dataTask).map(Metric::key).toList();
      throw new IllegalArgumentException(
          String.format(
              "'%s' must be one of %s for a %s dataset, but got '%s'",
              field, ok, dataTask.name().toLowerCase(Locale.ROOT), key()));
    }
    if (this == AUC && classes != 2) {
      throw new IllegalArgumentException(
          String.format(
              "'%s' auc needs 2 classes, but the dataset has %d; use accuracy or logloss",
              field, classes));
    }
  }

  /**
   * Scores predictions.
   *
   * @param predictions per-row predictions, see the class comment
   * @param targets class indices or values, one per row
   * @throws ArithmeticException if a prediction is NaN (the model diverged)
   */
  public double score(float[][] predictions, float[] targets) {
    if (predictions.length != targets.length || targets.length == 0) {
      throw new IllegalArgumentException(
          String.format(
              "predictions and targets must have the same non-zero length, but got %d and %d",
              predictions.length, targets.length));
    }
    for (float[] row : predictions) {
      for (float v : row) {
        if (Float.isNaN(v)) {
          throw new ArithmeticException("the model predicted NaN; it diverged");
        }
      }
    }
    return switch (this) {
      case ACCURACY -> accuracy(predictions, targets);
      case LOGLOSS -> logLoss(predictions, targets);
      case AUC -> auc(predictions, targets);
      case RMSE -> rmse(predictions, targets);
    };
  }

  private static double probability(float[] row, int cls) {
    if (row.length == 1) {
      return cls == 1 ? row[0] : 1.0 - row[0];
    }
    return row[cls];
  }

  private static int argmax(float[] row) {
    if (row.length == 1) {
      return row[0] > 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double accuracy(float[][] p, float[] y) {
    int hit = 0;
    for (int i = 0; i < y.length; i++) {
      hit += argmax(p[i]) == (int) y[i] ? 1 : 0;
    }
    return hit / (double) y.length;
  }

  private static double logLoss(float[][] p, float[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(1.0, Math.max(EPS, probability(p[i], (int) y[i])));
      sum -= Math.log(q);
    }
    return sum / y.length;
  }

  /** Mann-Whitney form with mid-ranks for ties. */
  private static double auc(float[][] p, float[] y) {
    int n = y.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = probability(p[i], 1);
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        if (y[order[k]] == 1f) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      throw new ArithmeticException("AUC is undefined when only one class is present");
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  private static double rmse(float[][] p, float[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double d = p[i][0] - y[i];
      sum += d * d;
    }
    return Math.sqrt(sum / y.length);
  }
}
