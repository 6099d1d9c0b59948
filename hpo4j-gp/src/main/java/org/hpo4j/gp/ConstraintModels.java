package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.math.Normal;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * One GP per constraint of a study ({@code Trial.setConstraints}, feasible when &lt;= 0), and the log
 * probability that a point satisfies all of them, {@code log PF(x) = sum_c log Phi(-mu_c(x) /
 * sigma_c(x))} in each constraint's standardised units, which a constrained acquisition adds to its
 * log (Gardner et al., "Bayesian Optimization with Inequality Constraints", ICML 2014; Gelbart,
 * Snoek &amp; Adams, "Bayesian Optimization with Unknown Constraints", UAI 2014). The constraint GPs
 * are fitted on every complete trial that reported finite constraint values (a NaN constraint is
 * left out of its own GP and makes its trial infeasible); they are not warped, so 0 stays the
 * boundary.
 *
 * <p>Not thread-safe; built per proposal under the sampler's lock.
 */
final class ConstraintModels {
  private final List<ModelFitter.Fitted> models;
  private final double[] thresholds;

  private ConstraintModels(List<ModelFitter.Fitted> models, double[] thresholds) {
    this.models = models;
    this.thresholds = thresholds;
  }

  /** @return the trials nearest to feasibility under the first constraint, to search around */
  double[][] incumbents() {
    return models.get(0).incumbents();
  }

  /** @return the constraint values of a trial, or null when it set none */
  static double[] of(FrozenTrial t) {
    Object c = t.systemAttrs().get("constraints");
    if (!(c instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }

  /** @return whether the trial satisfies every constraint it set; NaN counts as violated */
  static boolean feasible(FrozenTrial t) {
    double[] c = of(t);
    if (c == null) {
      return true;
    }
    for (double v : c) {
      if (!(v <= 0)) {
        return false;
      }
    }
    return true;
  }

  /** @return the constraint GPs of the study's complete trials, or null when no trial set constraints */
  static ConstraintModels fit(StudyView study, SpaceEncoding encoding, ModelFitter fitter) {
    int count = 0;
    for (FrozenTrial t : study.completeTrials()) {
      double[] c = of(t);
      count = Math.max(count, c == null ? 0 : c.length);
    }
    if (count == 0) {
      return null;
    }
    List<ModelFitter.Fitted> models = new ArrayList<>();
    double[] thresholds = new double[count];
    for (int k = 0; k < count; k++) {
      List<double[]> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (FrozenTrial t : study.completeTrials()) {
        double[] c = of(t);
        double[] u = c != null && c.length > k && Double.isFinite(c[k]) ? encoding.encode(t) : null;
        if (u != null) {
          xs.add(u);
          ys.add(c[k]);
        }
      }
      ModelFitter.Fitted f = fitter.fit("constraint" + k, encoding, xs.toArray(new double[0][]),
          ys.stream().mapToDouble(Double::doubleValue).toArray(), false, null, true, study.name(),
          ModelFitter.SECONDARY_EVERY_TRIAL_UP_TO);
      if (f != null) {
        thresholds[models.size()] = f.standardise(0.0);
        models.add(f);
      }
    }
    return models.isEmpty() ? null : new ConstraintModels(models, thresholds);
  }

  /**
   * @param x a masked unit point
   * @param gradient a d-vector to add d log PF / dx to, or null
   * @return log PF(x)
   */
  double logFeasibility(double[] x, double[] gradient) {
    double total = 0;
    for (int k = 0; k < models.size(); k++) {
      Posterior p = models.get(k).model().posterior(x, gradient != null);
      double sigma = p.sd();
      double z = (thresholds[k] - p.mean()) / sigma;
      total += Normal.logNdtr(z);
      if (gradient != null) {
        // d log Phi(z) = phi(z) / Phi(z) dz, dz = (-dmu - z dsigma) / sigma.
        double ratio = Math.exp(Normal.logPdf(z) - Normal.logNdtr(z));
        boolean floored = p.variance() <= Posterior.MIN_VARIANCE;
        for (int j = 0; j < gradient.length; j++) {
          double dSigma = floored ? 0.0 : p.varianceGradient()[j] / (2.0 * sigma);
          gradient[j] += ratio * (-p.meanGradient()[j] - z * dSigma) / sigma;
        }
      }
    }
    return total;
  }
}
