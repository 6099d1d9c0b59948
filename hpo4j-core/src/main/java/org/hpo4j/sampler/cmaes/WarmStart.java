package org.hpo4j.sampler.cmaes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * The initial distribution of WS-CMA-ES (Nomura, Watanabe, Akimoto, Ozaki and Onishi, "Warm
 * starting CMA-ES for hyperparameter optimization", AAAI 2021, section 4), from earlier trials: the
 * best gamma = 10% of them (at least one) give the mean m and the covariance Sigma = alpha^2 I +
 * (1/k) sum (x - m)(x - m)^T (alpha = 0.1); then sigma = det(Sigma)^(1/2n) and C = Sigma / sigma^2.
 *
 * <p>Notation: points x in the unit cube of the space, k the number of best points kept. Stateless
 * and thread-safe.
 */
final class WarmStart {
  private WarmStart() {}

  static CmaState from(
      List<FrozenTrial> sources,
      List<String> names,
      Distribution[] dims,
      StudyDirection direction,
      int lambda,
      boolean separable,
      boolean active) {
    int n = dims.length;
    List<FrozenTrial> sorted = new ArrayList<>(sources);
    sorted.sort(Comparator.comparingDouble(t -> direction.asLoss(t.value())));
    int k = Math.max(1, (int) Math.floor(0.1 * sorted.size()));
    double[][] x = new double[k][n];
    double[] mean = new double[n];
    for (int j = 0; j < k; j++) {
      FrozenTrial t = sorted.get(j);
      for (int i = 0; i < n; i++) {
        x[j][i] = dims[i].toUnit(t.internalParams().get(names.get(i)));
        mean[i] += x[j][i] / k;
      }
    }
    double alpha = 0.1;
    double[][] cov = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double s = a == b ? alpha * alpha : 0;
        for (int j = 0; j < k; j++) {
          s += (x[j][a] - mean[a]) * (x[j][b] - mean[b]) / k;
        }
        cov[a][b] = separable && a != b ? 0 : s;
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(cov);
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    double logDet = 0;
    if (chol.decompose(m)) {
      DMatrixRMaj l = chol.getT(null);
      for (int i = 0; i < n; i++) {
        logDet += 2 * Math.log(l.get(i, i));
      }
    } else {
      logDet = n * Math.log(alpha * alpha); // cannot happen: alpha^2 I keeps Sigma definite
    }
    double sigma = Math.exp(logDet / (2 * n));
    for (double[] row : cov) {
      for (int b = 0; b < n; b++) {
        row[b] /= sigma * sigma;
      }
    }
    return new CmaState(mean, sigma, cov, lambda, separable, active);
  }
}
