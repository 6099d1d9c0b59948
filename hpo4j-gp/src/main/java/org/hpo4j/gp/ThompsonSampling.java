package org.hpo4j.gp;

import java.util.Optional;
import java.util.SplittableRandom;
import org.hpo4j.math.Cholesky;

/**
 * Thompson sampling over a candidate set: draws one function jointly from the GP posterior at m
 * candidate points and returns the candidate where that draw is smallest. Each draw is independent,
 * so pending trials seeded differently get different proposals (Thompson, 1933; Kandasamy et al.,
 * "Parallelised Bayesian Optimisation via Thompson Sampling", AISTATS 2018).
 *
 * <p>Notation: C = the m candidates, V = L^{-1} k(X, C) (n x m), mu_C = k(C, X) alpha, Sigma_C =
 * k(C, C) - V^T V; a draw is mu_C + chol(Sigma_C) e with e ~ N(0, I). Cost O(n^2 m + m^3).
 *
 * <p>Stateless and thread-safe.
 */
final class ThompsonSampling {
  private ThompsonSampling() {}

  /**
   * @param candidates m unit points
   * @return the index of the candidate minimising one posterior draw
   */
  static int argminOfDraw(GpModel model, double[][] candidates, SplittableRandom rng) {
    int m = candidates.length;
    int n = model.size();
    double[][] v = new double[m][];
    double[] mean = new double[m];
    for (int c = 0; c < m; c++) {
      double[] ks = model.crossCovariance(candidates[c]);
      mean[c] = model.posterior(candidates[c], false).mean();
      v[c] = model.whiten(ks);
    }
    Kernel kernel = model.kernel();
    double[] cov = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double dot = 0;
        double[] va = v[a];
        double[] vb = v[b];
        for (int i = 0; i < n; i++) {
          dot += va[i] * vb[i];
        }
        double s =
            (a == b ? kernel.signalVariance() : kernel.value(candidates[a], candidates[b])) - dot;
        cov[a * m + b] = s;
        cov[b * m + a] = s;
      }
    }
    Optional<Cholesky.Jittered> f = GpModel.factor(cov, m);
    double[] e = new double[m];
    for (int i = 0; i < m; i++) {
      e[i] = AcquisitionOptimizer.gaussian(rng);
    }
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int a = 0; a < m; a++) {
      double draw = mean[a];
      if (f.isPresent()) {
        Cholesky l = f.get().cholesky();
        for (int b = 0; b <= a; b++) {
          draw += l.get(a, b) * e[b];
        }
      } else {
        // Explicit fallback: independent marginal draws when the joint covariance cannot be
        // factored.
        draw += Math.sqrt(Math.max(0.0, cov[a * m + a])) * e[a];
      }
      if (draw < bestValue) {
        bestValue = draw;
        best = a;
      }
    }
    return best;
  }
}
