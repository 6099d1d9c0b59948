package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.math.Normal;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * One GP per constraint of a study ({@code Trial.setConstraints}, feasible when &lt;= 0), and the
 * log probability that a point satisfies all of them, {@code log PF(x) = sum_c log Phi(-mu_c(x) /
 * sigma_c(x))} in each constraint's standardised units, which a constrained acquisition adds to its
 * log (Gardner et al., "Bayesian Optimization with Inequality Constraints", ICML 2014; Gelbart,
 * Snoek &amp; Adams, "Bayesian Optimization with Unknown Constraints", UAI 2014). The constraint
 * GPs are fitted on every complete trial that reported finite constraint values (a NaN constraint
 * is left out of its own GP and makes its trial infeasible); they are not warped, so 0 stays the
 * boundary.
 *
 * <p><b>Shared kernel.</b> When every trial the objective GP is fitted on reported all constraints
 * (the usual case), the constraint GPs and the objective's are fitted as independent outputs of one
 * kernel ({@link HyperparameterFit}: their log marginal likelihoods summed): the constraint GPs
 * then share the objective's factor ({@link GpModel#withTargets}), so a study's constraints cost
 * one triangular solve each per fit instead of a hyperparameter fit and a factor, and the
 * acquisition evaluates the objective and all constraints at the price of one posterior ({@link
 * GpModel#posteriors}). Sampler CPU time: docs/bench/gp24/README.md. Otherwise (a trial without
 * constraints, a NaN one) each constraint gets a GP of its own, fitted on its own rows.
 *
 * <p>Not thread-safe; built per proposal under the sampler's lock.
 */
final class ConstraintModels {
  private final GpModel[] models;
  private final double[] thresholds;
  private final double[][] incumbents;
  private final boolean shared;

  private ConstraintModels(
      GpModel[] models, double[] thresholds, double[][] incumbents, boolean shared) {
    this.models = models;
    this.thresholds = thresholds;
    this.incumbents = incumbents;
    this.shared = shared;
  }

  /**
   * @param models constraint GPs sharing one factor with the objective's (see {@link
   *     GpModel#withTargets})
   * @param mean,sd each constraint's standardisation
   */
  static ConstraintModels shared(
      GpModel[] models, double[] mean, double[] sd, double[][] incumbents) {
    double[] thresholds = new double[models.length];
    for (int k = 0; k < models.length; k++) {
      thresholds[k] = (0.0 - mean[k]) / sd[k];
    }
    return new ConstraintModels(models, thresholds, incumbents, true);
  }

  /**
   * @return whether these GPs share the objective GP's factor
   */
  boolean isShared() {
    return shared;
  }

  /**
   * @return the constraint GPs
   */
  GpModel[] models() {
    return models.clone();
  }

  /**
   * @return the trials nearest to feasibility, to search around
   */
  double[][] incumbents() {
    return incumbents;
  }

  /**
   * @param cy constraints x n standardised values; mean, sd their standardisation
   * @return up to 3 rows with the smallest worst violation (in each constraint's standard
   *     deviations)
   */
  static double[][] nearestFeasible(double[][] x, double[][] cy, double[] mean, double[] sd) {
    int n = x.length;
    Integer[] order = new Integer[n];
    double[] worst = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      worst[i] = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < cy.length; k++) {
        double raw = cy[k][i] * sd[k] + mean[k];
        worst[i] = Math.max(worst[i], raw / sd[k]);
      }
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(worst[a], worst[b]));
    double[][] out = new double[Math.min(3, n)][];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[order[i]];
    }
    return out;
  }

  /**
   * @return the constraint values of a trial, or null when it set none
   */
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

  /**
   * @return whether the trial satisfies every constraint it set; NaN counts as violated
   */
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

  /**
   * @return the constraint GPs of the study's complete trials, or null when no trial set
   *     constraints
   */
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
    List<Double> thresholds = new ArrayList<>();
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
      ModelFitter.Fitted f =
          fitter.fit(
              "constraint" + k,
              encoding,
              xs.toArray(new double[0][]),
              ys.stream().mapToDouble(Double::doubleValue).toArray(),
              false,
              null,
              true,
              study.name(),
              ModelFitter.SECONDARY_EVERY_TRIAL_UP_TO);
      if (f != null) {
        thresholds.add(f.standardise(0.0));
        models.add(f);
      }
    }
    if (models.isEmpty()) {
      return null;
    }
    return new ConstraintModels(
        models.stream().map(ModelFitter.Fitted::model).toArray(GpModel[]::new),
        thresholds.stream().mapToDouble(Double::doubleValue).toArray(),
        models.get(0).incumbents(),
        false);
  }

  /**
   * @param x a masked unit point
   * @param gradient a d-vector to add d log PF / dx to, or null
   * @return log PF(x)
   */
  double logFeasibility(double[] x, double[] gradient) {
    Posterior[] ps = new Posterior[models.length];
    for (int k = 0; k < models.length; k++) {
      ps[k] = models[k].posterior(x, gradient != null);
    }
    return logFeasibility(ps, 0, gradient);
  }

  /**
   * @param ps posteriors of the constraint GPs at a point, from index {@code from} on (with
   *     gradients when {@code gradient} is not null)
   * @return log PF at that point; d log PF / dx is added to {@code gradient}
   */
  double logFeasibility(Posterior[] ps, int from, double[] gradient) {
    double total = 0;
    for (int k = 0; k < models.length; k++) {
      Posterior p = ps[from + k];
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
