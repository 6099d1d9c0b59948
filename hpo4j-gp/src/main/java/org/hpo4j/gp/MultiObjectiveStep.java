package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * One proposal of the GP sampler for a study of 2-4 objectives: an independent GP per objective
 * (losses standardised, not warped, so the front keeps its shape), log expected hypervolume
 * improvement over the front of the feasible complete trials ({@link LogEhvi}), plus log PF when
 * the study has constraints ({@link ConstraintModels}). The reference point is the worst value of
 * each objective seen so far plus 10% of its standardised spread. Parallel trials by the Kriging
 * believer: each RUNNING trial enters every objective GP at its posterior mean and the front at
 * those means, so the next proposal seeks improvement beyond them.
 *
 * <p>Not thread-safe: the sampler calls it under its lock.
 */
final class MultiObjectiveStep {
  private MultiObjectiveStep() {}

  /** A proposal and the encoding to decode it with. */
  record Result(SpaceEncoding encoding, AcquisitionOptimizer.Proposal proposal) {}

  /**
   * @param pending masked unit points the sampler proposed to RUNNING trials, by trial number
   * @return the proposal, or empty before {@code nStartupTrials} usable trials or when a GP cannot
   *     be fitted
   */
  static Optional<Result> propose(
      StudyView study,
      ModelFitter fitter,
      int nStartupTrials,
      int candidates,
      Map<Integer, double[]> pending,
      int trialNumber,
      long seed) {
    SpaceEncoding encoding = ModelFitter.encoding(study);
    List<StudyDirection> directions = study.directions();
    int m = directions.size();
    List<double[]> xs = new ArrayList<>();
    List<double[]> losses = new ArrayList<>();
    List<Boolean> feasible = new ArrayList<>();
    for (FrozenTrial t : study.completeTrials()) {
      if (t.values().size() != m || t.values().stream().anyMatch(v -> !Double.isFinite(v))) {
        continue;
      }
      double[] u = encoding.encode(t);
      if (u == null) {
        continue;
      }
      double[] l = new double[m];
      for (int k = 0; k < m; k++) {
        l[k] = directions.get(k).asLoss(t.values().get(k));
      }
      xs.add(u);
      losses.add(l);
      feasible.add(ConstraintModels.feasible(t));
    }
    int n = xs.size();
    if (n < Math.max(1, nStartupTrials)) {
      return Optional.empty();
    }
    double[][] x = xs.toArray(new double[0][]);
    boolean[] eligible = new boolean[n];
    for (int i = 0; i < n; i++) {
      eligible[i] = feasible.get(i);
    }
    GpModel[] models = new GpModel[m];
    double[][] y = new double[n][m];
    double[] ref = new double[m];
    for (int k = 0; k < m; k++) {
      double[] target = new double[n];
      for (int i = 0; i < n; i++) {
        target[i] = losses.get(i)[k];
      }
      ModelFitter.Fitted f =
          fitter.fit(
              "objective" + k,
              encoding,
              x,
              target,
              false,
              eligible,
              true,
              study.name(),
              ModelFitter.SECONDARY_EVERY_TRIAL_UP_TO);
      if (f == null) {
        return Optional.empty();
      }
      models[k] = f.model();
      double worst = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        y[i][k] = f.standardise(target[i]);
        worst = Math.max(worst, y[i][k]);
      }
      ref[k] = worst + 0.1;
    }
    List<double[]> front = new ArrayList<>();
    List<double[]> incumbents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        front.add(y[i]);
        incumbents.add(x[i]);
      }
    }
    believe(study, encoding, models, front, pending, trialNumber);
    ConstraintModels constraints = ConstraintModels.fit(study, encoding, fitter);
    int size = models[0].size();
    double shrink = size <= 300 ? 1.0 : (300.0 / size) * (300.0 / size);
    AcquisitionOptimizer optimizer =
        new AcquisitionOptimizer(
            encoding, Math.max(128, (int) (candidates * shrink)), 2, size <= 300 ? 30 : 15);
    if (front.isEmpty()) {
      if (constraints == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Result(
              encoding,
              optimizer.maximize(constraints::logFeasibility, constraints.incumbents(), seed)));
    }
    LogEhvi ehvi = LogEhvi.of(front, ref);
    double[][] starts = spread(incumbents, front);
    AcquisitionOptimizer.Scorer scorer =
        (u, g) -> {
          Posterior[] p = new Posterior[m];
          for (int k = 0; k < m; k++) {
            p[k] = models[k].posterior(u, g != null);
          }
          double v = ehvi.value(p, g);
          return constraints == null ? v : v + constraints.logFeasibility(u, g);
        };
    return Optional.of(new Result(encoding, optimizer.maximize(scorer, starts, seed)));
  }

  /**
   * @return up to 5 front members spread along the first objective, the best of it first
   */
  private static double[][] spread(List<double[]> xs, List<double[]> ys) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < xs.size() && !dominated; j++) {
        dominated = j != i && dominates(ys.get(j), ys.get(i));
      }
      if (!dominated) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Double.compare(ys.get(a)[0], ys.get(b)[0]));
    int k = Math.min(5, order.size());
    double[][] out = new double[k][];
    for (int i = 0; i < k; i++) {
      out[i] = xs.get(order.get(k == 1 ? 0 : (int) ((long) i * (order.size() - 1) / (k - 1))));
    }
    return out;
  }

  private static boolean dominates(double[] a, double[] b) {
    boolean strict = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      strict |= a[k] < b[k];
    }
    return strict;
  }

  /**
   * The Kriging believer over several objectives: models and front take the running trials at their
   * means.
   */
  private static void believe(
      StudyView study,
      SpaceEncoding encoding,
      GpModel[] models,
      List<double[]> front,
      Map<Integer, double[]> pending,
      int trialNumber) {
    List<double[]> px = new ArrayList<>();
    java.util.Set<Integer> running = new java.util.HashSet<>();
    for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
      running.add(t.number());
      if (t.number() == trialNumber) {
        continue;
      }
      double[] u = pending.get(t.number());
      if (u == null || u.length != encoding.dimension()) {
        u = encoding.encode(t);
      }
      if (u != null) {
        px.add(u);
      }
    }
    pending.keySet().retainAll(running);
    if (px.isEmpty()) {
      return;
    }
    double[][] extra = px.toArray(new double[0][]);
    for (int k = 0; k < models.length; k++) {
      double[] ey = new double[extra.length];
      for (int i = 0; i < extra.length; i++) {
        ey[i] = models[k].posterior(extra[i], false).mean();
      }
      final int kk = k;
      models[k] = models[k].condition(extra, ey).orElse(models[kk]);
    }
    for (double[] u : extra) {
      double[] mean = new double[models.length];
      for (int k = 0; k < models.length; k++) {
        mean[k] = models[k].posterior(u, false).mean();
      }
      front.add(mean);
    }
  }
}
