package org.hpo4j.gp;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hpo4j.Experimental;

/**
 * The {@code gp} sampler's surrogate as a plain regression model, for other samplers that want a
 * cheap predictor of the loss (the RL sampler's reward model): the same output warp, the same
 * Matérn-5/2 x Hamming kernel with MAP hyperparameters, the same posterior, without a study.
 *
 * <p>Notation: X is n x d, each row a point in the unit cube (a categorical dimension holds the
 * chosen index; only equality matters to the kernel); y the n losses, lower is better. Predictions
 * are in standardised warped units: the mean of the training data is 0, its spread 1, and lower is
 * still better.
 *
 * <p>Immutable and thread-safe after {@link #fit}.
 */
@Experimental
public final class GpRegression {
  private final GpModel model;
  private final int dimension;
  private final OutputWarp warp;
  private final double mean;
  private final double sd;

  private GpRegression(GpModel model, int dimension, OutputWarp warp, double mean, double sd) {
    this.model = model;
    this.dimension = dimension;
    this.warp = warp;
    this.mean = mean;
    this.sd = sd;
  }

  /**
   * Fits the hyperparameters (maximum a posteriori, one extra start drawn from the seed) and
   * conditions the GP on (X, y).
   *
   * @param x n x d inputs in the unit cube (copied)
   * @param losses n finite losses
   * @param categorical a d-vector: which dimensions are categorical
   * @param seed the seed of the extra hyperparameter start
   * @return the model, or empty when the Gram matrix cannot be factored even with jitter
   * @throws IllegalArgumentException if X is empty or ragged, or the lengths or values disagree
   */
  public static Optional<GpRegression> fit(
      double[][] x, double[] losses, boolean[] categorical, long seed) {
    int n = x.length;
    if (n == 0 || losses.length != n) {
      throw new IllegalArgumentException(
          "x and losses must be non-empty and of equal length, but got "
              + n
              + " and "
              + losses.length);
    }
    int d = categorical.length;
    double[][] xs = new double[n][];
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException(
            "every row of x must have categorical.length = "
                + d
                + " entries, but row "
                + i
                + " has "
                + x[i].length);
      }
      if (!Double.isFinite(losses[i])) {
        throw new IllegalArgumentException(
            "losses must be finite, but losses[" + i + "] = " + losses[i]);
      }
      xs[i] = x[i].clone();
    }
    OutputWarp warp = OutputWarp.fit(losses);
    double[] y = Arrays.stream(losses).map(warp::apply).toArray();
    double mean = Arrays.stream(y).average().orElse(0);
    double var = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / n;
    double sd = var > 1e-300 ? Math.sqrt(var) : 1.0;
    for (int i = 0; i < n; i++) {
      y[i] = (y[i] - mean) / sd;
    }
    double[] theta =
        HyperparameterFit.fit(categorical, xs, y, null, 1, 200, new SplittableRandom(seed));
    return GpModel.fit(new Kernel(categorical, theta), xs, y)
        .map(m -> new GpRegression(m, d, warp, mean, sd));
  }

  /**
   * @param point a d-vector in the unit cube
   * @return the posterior mean of the standardised warped loss at the point
   * @throws IllegalArgumentException if the point has the wrong length
   */
  public double mean(double[] point) {
    check(point);
    return model.posterior(point, false).mean();
  }

  /**
   * @param point a d-vector in the unit cube
   * @return the posterior standard deviation (noise excluded) at the point, standardised units
   * @throws IllegalArgumentException if the point has the wrong length
   */
  public double sd(double[] point) {
    check(point);
    return model.posterior(point, false).sd();
  }

  /**
   * A loss in the units of {@link #mean}, to score predictions on held-out data. Below the smallest
   * training loss the warp continues along its tangent, so every finite loss maps.
   *
   * @param loss a finite loss
   * @return the standardised warped loss
   */
  public double standardise(double loss) {
    double w = loss >= warp.ymin() ? warp.apply(loss) : (loss - warp.ymin()) / warp.scale();
    return (w - mean) / sd;
  }

  /**
   * @return d, the length of a point
   */
  public int dimension() {
    return dimension;
  }

  private void check(double[] point) {
    if (point.length != dimension) {
      throw new IllegalArgumentException(
          "point must have " + dimension + " entries, but got " + point.length);
    }
  }
}
