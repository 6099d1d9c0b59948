package org.hpo4j.ml.xgboost;

import org.hpo4j.ml.data.Dataset;

/**
 * Per-column centring and scaling fitted on training rows only, for XGBoost's linear booster, whose
 * coordinate descent and L1/L2 penalties depend on the scale of each feature (trees do not).
 * Fitting on the training rows of each fold (and of the refit) and applying the same statistics to
 * the validation or test rows keeps those rows' values out of the model.
 *
 * <p>Notation: for column j, mean[j] and sd[j] are the mean and the population standard deviation
 * of its finite values over the fitted rows; a value x becomes (x - mean[j]) / sd[j]. A column with
 * sd 0 (or no finite value) is only centred; NaN (missing) stays NaN.
 *
 * <p>Immutable and thread-safe.
 */
final class Standardization {
  private final double[] mean;
  private final double[] sd;

  private Standardization(double[] mean, double[] sd) {
    this.mean = mean;
    this.sd = sd;
  }

  /** Fits the column statistics on {@code rows} of {@code data}. */
  static Standardization fit(Dataset data, int[] rows) {
    int cols = data.cols();
    double[] mean = new double[cols];
    double[] sd = new double[cols];
    for (int j = 0; j < cols; j++) {
      // two passes: stable enough for the few thousand rows here, and exact for a constant column
      double sum = 0;
      int n = 0;
      for (int r : rows) {
        float v = data.feature(r, j);
        if (Float.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      double m = n == 0 ? 0 : sum / n;
      double ss = 0;
      for (int r : rows) {
        float v = data.feature(r, j);
        if (Float.isFinite(v)) {
          ss += (v - m) * (v - m);
        }
      }
      mean[j] = m;
      double s = n == 0 ? 0 : Math.sqrt(ss / n);
      sd[j] = s > 0 ? s : 1;
    }
    return new Standardization(mean, sd);
  }

  /** The mean of column {@code j} over the fitted rows. */
  double mean(int j) {
    return mean[j];
  }

  /**
   * The scale of column {@code j}: its standard deviation over the fitted rows, or 1 if that is 0.
   */
  double scale(int j) {
    return sd[j];
  }

  /**
   * Standardizes row-major {@code features} ({@code n x cols}) in place and returns them.
   *
   * @throws IllegalArgumentException if the length is not a multiple of the fitted column count
   */
  float[] applyInPlace(float[] features) {
    int cols = mean.length;
    if (cols == 0) {
      return features;
    }
    if (features.length % cols != 0) {
      throw new IllegalArgumentException(
          String.format("features must hold rows x %d values, but got %d", cols, features.length));
    }
    for (int i = 0; i < features.length; i++) {
      int j = i % cols;
      features[i] = (float) ((features[i] - mean[j]) / sd[j]);
    }
    return features;
  }
}
