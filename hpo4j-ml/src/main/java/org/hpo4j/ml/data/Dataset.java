package org.hpo4j.ml.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory table of float features and one target, as the models here consume it.
 *
 * <p>Features are stored row-major ({@code rows x cols}); a missing feature is {@code NaN}. For
 * {@link Task#CLASSIFICATION} a target is a class index {@code 0..classCount()-1} whose original
 * label is {@code classLabels().get(index)}; for {@link Task#REGRESSION} it is the raw value.
 *
 * <p>Immutable and thread-safe: the arrays are copied in and never handed out.
 */
public final class Dataset {
  private final String name;
  private final List<String> featureNames;
  private final String targetName;
  private final Task task;
  private final List<String> classLabels;
  private final float[] features;
  private final float[] targets;
  private final int rows;
  private final int cols;

  /**
   * @param features row-major {@code targets.length x featureNames.size()} values
   * @param classLabels original labels of the classes, empty for regression
   * @throws IllegalArgumentException if the shapes disagree or a class index is out of range
   */
  public Dataset(
      String name,
      List<String> featureNames,
      String targetName,
      Task task,
      List<String> classLabels,
      float[] features,
      float[] targets) {
    this.name = Objects.requireNonNull(name, "name");
    this.featureNames = List.copyOf(featureNames);
    this.targetName = Objects.requireNonNull(targetName, "targetName");
    this.task = Objects.requireNonNull(task, "task");
    this.classLabels = List.copyOf(classLabels);
    this.rows = targets.length;
    this.cols = this.featureNames.size();
    if (features.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          String.format(
              "features must hold rows*cols=%d*%d values, but got %d",
              rows, cols, features.length));
    }
    if (task == Task.CLASSIFICATION) {
      if (this.classLabels.size() < 2) {
        throw new IllegalArgumentException(
            "a classification dataset needs at least 2 classes, but got " + this.classLabels);
      }
      for (float t : targets) {
        if (t != Math.rint(t) || t < 0 || t >= this.classLabels.size()) {
          throw new IllegalArgumentException(
              String.format(
                  "class indices must be integers in [0, %d), but got %s",
                  this.classLabels.size(), t));
        }
      }
    }
    this.features = features.clone();
    this.targets = targets.clone();
  }

  /** A short name, usually the file name. */
  public String name() {
    return name;
  }

  public int rows() {
    return rows;
  }

  /** Number of features (the target is not counted). */
  public int cols() {
    return cols;
  }

  public Task task() {
    return task;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public String targetName() {
    return targetName;
  }

  /** Original labels of the classes in index order; empty for regression. */
  public List<String> classLabels() {
    return classLabels;
  }

  /** Number of classes; 0 for regression. */
  public int classCount() {
    return classLabels.size();
  }

  /** The feature in row {@code row}, column {@code col}. */
  public float feature(int row, int col) {
    return features[row * cols + col];
  }

  /** The target of row {@code row}: a class index, or the value for regression. */
  public float target(int row) {
    return targets[row];
  }

  /** Class index of each row, for stratification; {@code null} for regression. */
  int[] classIndices() {
    if (task != Task.CLASSIFICATION) {
      return null;
    }
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = (int) targets[i];
    }
    return out;
  }

  /** Row-major features of the given rows, a fresh array of {@code rows.length x cols()}. */
  public float[] features(int[] rowIndices) {
    float[] out = new float[rowIndices.length * cols];
    for (int i = 0; i < rowIndices.length; i++) {
      System.arraycopy(features, rowIndices[i] * cols, out, i * cols, cols);
    }
    return out;
  }

  /** Targets of the given rows, a fresh array. */
  public float[] targets(int[] rowIndices) {
    float[] out = new float[rowIndices.length];
    for (int i = 0; i < rowIndices.length; i++) {
      out[i] = targets[rowIndices[i]];
    }
    return out;
  }

  /** Count of rows per class, indexed by class; empty for regression. */
  public int[] classCounts() {
    int[] counts = new int[classCount()];
    if (task == Task.CLASSIFICATION) {
      for (float t : targets) {
        counts[(int) t]++;
      }
    }
    return counts;
  }

  /** Largest absolute finite feature value (0 if none), e.g. to scale pixels into [0, 1]. */
  public float maxAbsFeature() {
    float max = 0f;
    for (float v : features) {
      if (Float.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  /** True if some feature is missing ({@code NaN}). */
  public boolean hasMissing() {
    for (float v : features) {
      if (Float.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /** The rows at the given indices, in that order, as a new dataset with the same classes. */
  public Dataset subset(int[] rowIndices) {
    for (int r : rowIndices) {
      if (r < 0 || r >= rows) {
        throw new IllegalArgumentException(
            String.format("row index must be in [0, %d), but got %d", rows, r));
      }
    }
    return new Dataset(
        name,
        featureNames,
        targetName,
        task,
        classLabels,
        features(rowIndices),
        targets(rowIndices));
  }

  @Override
  public String toString() {
    return String.format(
        "Dataset[%s: %d rows x %d features, target '%s', %s%s]",
        name,
        rows,
        cols,
        targetName,
        task,
        task == Task.CLASSIFICATION ? " " + classLabels.size() + " classes" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d
        && name.equals(d.name)
        && featureNames.equals(d.featureNames)
        && targetName.equals(d.targetName)
        && task == d.task
        && classLabels.equals(d.classLabels)
        && Arrays.equals(features, d.features)
        && Arrays.equals(targets, d.targets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, featureNames, targetName, Arrays.hashCode(targets));
  }
}
