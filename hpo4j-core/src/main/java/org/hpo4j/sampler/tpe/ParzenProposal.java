package org.hpo4j.sampler.tpe;

import static org.hpo4j.Checks.requireArgument;

import java.util.random.RandomGenerator;
import org.hpo4j.Experimental;
import org.hpo4j.space.Distribution;

/**
 * TPE's proposal step alone, for samplers that make their own good/bad split and weight the good
 * points themselves: multi-objective TPE ({@code org.hpo4j.sampler.moo.MotpeSampler}) ranks by
 * Pareto front and weights the good points by hypervolume contribution, which {@link TpeSampler}'s
 * single-objective split cannot express. Fits TPE's {@link ParzenEstimator} l(x) to the good points
 * and g(x) to the bad ones, draws candidates from l and returns the one maximising log l(x) - log
 * g(x), with the prior weight 1 and the default bandwidth rules of {@link TpeSampler}. With d &gt;
 * 1 the kernels are joint (one product kernel per trial), as in multivariate TPE.
 *
 * <p>Notation: d parameters; {@code below} n_b x d and {@code above} n_a x d internal values (as in
 * {@code FrozenTrial.params}), one row per trial.
 *
 * <p>Stateless and thread-safe.
 */
@Experimental
public final class ParzenProposal {
  private ParzenProposal() {}

  /**
   * @param distributions the d distributions, none of them single-valued
   * @param below n_b x d internal values of the good trials
   * @param belowWeights n_b non-negative weights of the good trials
   * @param above n_a x d internal values of the bad trials
   * @param aboveWeights n_a non-negative weights of the bad trials
   * @param candidates how many draws from l(x) to score, &gt;= 1
   * @param rng the source of the draws
   * @return the d internal values of the best candidate
   * @throws IllegalArgumentException when the shapes disagree, a weight is negative or not finite,
   *     or candidates &lt; 1
   */
  public static double[] propose(
      Distribution[] distributions,
      double[][] below,
      double[] belowWeights,
      double[][] above,
      double[] aboveWeights,
      int candidates,
      RandomGenerator rng) {
    int d = distributions.length;
    requireArgument(d >= 1, "distributions must not be empty");
    requireArgument(candidates >= 1, "candidates >= 1 must hold, but got %s", candidates);
    requireArgument(
        below.length == belowWeights.length,
        "below has %s rows but belowWeights has %s",
        below.length,
        belowWeights.length);
    requireArgument(
        above.length == aboveWeights.length,
        "above has %s rows but aboveWeights has %s",
        above.length,
        aboveWeights.length);
    Axis[] axes = new Axis[d];
    for (int j = 0; j < d; j++) {
      axes[j] = new Axis(distributions[j]);
    }
    ParzenEstimator l =
        ParzenEstimator.fit(
            axes, columns(axes, below), checked(belowWeights, "belowWeights"), null, 1.0, false, 0);
    ParzenEstimator g =
        ParzenEstimator.fit(
            axes, columns(axes, above), checked(aboveWeights, "aboveWeights"), null, 1.0, false, 0);
    double[][] points = l.sample(rng, candidates);
    double[] logL = new double[candidates];
    double[] logG = new double[candidates];
    l.logPdf(points, logL);
    g.logPdf(points, logG);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      double score = logL[c] - logG[c];
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = axes[j].toInternal(points[best][j]);
    }
    return x;
  }

  /**
   * @return d x n axis coordinates of the n x d internal values
   */
  private static double[][] columns(Axis[] axes, double[][] rows) {
    double[][] out = new double[axes.length][rows.length];
    for (int i = 0; i < rows.length; i++) {
      requireArgument(
          rows[i].length == axes.length,
          "row %s has %s values, but there are %s distributions",
          i,
          rows[i].length,
          axes.length);
      for (int j = 0; j < axes.length; j++) {
        out[j][i] = axes[j].toAxis(rows[i][j]);
      }
    }
    return out;
  }

  private static double[] checked(double[] w, String name) {
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || w[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            name + " must be finite and >= 0, but entry " + i + " is " + w[i]);
      }
    }
    return w;
  }
}
