package org.hpo4j.gp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Fits the GP of a {@link GpSampler} to the COMPLETE trials of a study: encodes them, warps and
 * standardises the losses, chooses the hyperparameters (warm-started from the previous fit) and
 * factors the Gram matrix, reusing the previous factor when only trials were added and the
 * hyperparameters were kept. Past {@link TrainingSubset#MAX} trials the model is fitted on a {@link
 * TrainingSubset} (the incumbents are still the best of all). Its fields are caches only.
 *
 * <p>Not thread-safe: the sampler calls it under its lock.
 */
final class ModelFitter {
  private static final Logger LOG = Logger.getLogger(ModelFitter.class.getName());

  /** Up to this many trials the hyperparameters are refitted at every suggest. */
  static final int REFIT_EVERY_TRIAL_UP_TO = 200;

  /**
   * Beyond that, they are refitted once the data grew by this factor, and the factor is extended in
   * between.
   */
  static final double REFIT_GROWTH = 1.1;

  /** The growth between refits of a secondary output past its every-trial range. */
  static final double SPARSE_REFIT_GROWTH = 1.15;

  /** Secondary outputs are refitted at every trial up to this many rows. */
  static final int SECONDARY_EVERY_TRIAL_UP_TO = 30;

  /**
   * Hyperparameters are fitted on at most this many trials (the best half and an even spread of the
   * rest).
   */
  static final int FIT_SUBSAMPLE = 200;

  private final long seed;
  private final int nStartupTrials;
  private final Map<String, Slot> slots = new HashMap<>();

  /** The caches of one fitted output (the objective, an objective of several, a constraint). */
  private static final class Slot {
    List<Object> cacheKey = List.of();
    double[] warmTheta;
    int thetaFitN;
    int fits;
    GpModel lastModel;
  }

  ModelFitter(long seed, int nStartupTrials) {
    this.seed = seed;
    this.nStartupTrials = nStartupTrials;
  }

  /**
   * A GP fitted to one output of the complete trials, in standardised units: {@code best} and the
   * incumbents are over the eligible rows (all of them unless a fit says otherwise).
   *
   * @param warp the output warp, or null when the output was only standardised
   * @param best the lowest standardised target of an eligible row (+infinity when none is)
   */
  record Fitted(
      SpaceEncoding encoding,
      GpModel model,
      OutputWarp warp,
      double yMean,
      double ySd,
      double best,
      double[][] incumbents,
      int trials,
      ConstraintModels constraints) {

    Fitted(
        SpaceEncoding encoding,
        GpModel model,
        OutputWarp warp,
        double yMean,
        double ySd,
        double best,
        double[][] incumbents,
        int trials) {
      this(encoding, model, warp, yMean, ySd, best, incumbents, trials, null);
    }

    /**
     * @return a raw output value in the standardised units of the model (only for fits without a
     *     warp)
     */
    double standardise(double raw) {
      return (raw - yMean) / ySd;
    }
  }

  /**
   * @return the encoding of the tree of the study's complete trials
   */
  static SpaceEncoding encoding(StudyView study) {
    return new SpaceEncoding(SpaceTree.infer(study.completeTrials()));
  }

  private static boolean sameTheta(GpModel m, double[] theta) {
    return java.util.Arrays.equals(m.kernel().theta(), theta);
  }

  /**
   * @return whether the first rows of {@code x} are exactly {@code prefix}
   */
  private static boolean startsWith(double[][] x, double[][] prefix) {
    if (prefix.length > x.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!java.util.Arrays.equals(x[i], prefix[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows the hyperparameters are fitted on: all of them up to {@link #FIT_SUBSAMPLE}, else the
   * best half of that many and the rest spread evenly over the others (deterministic).
   */
  private static int[] fitRows(double[] y, Integer[] order) {
    int n = y.length;
    if (n <= FIT_SUBSAMPLE) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int best = FIT_SUBSAMPLE / 2;
    int[] rows = new int[FIT_SUBSAMPLE];
    for (int i = 0; i < best; i++) {
      rows[i] = order[i];
    }
    int rest = FIT_SUBSAMPLE - best;
    for (int i = 0; i < rest; i++) {
      rows[best + i] = order[best + (int) ((long) i * (n - best) / rest)];
    }
    return rows;
  }

  /**
   * The GP of the single objective, over the tree of the complete trials ({@code space} is not used
   * beyond that: the tree is re-read from the same trials).
   *
   * @return the fit (its best and incumbents over the feasible trials), or null before
   *     nStartupTrials usable trials or when no GP could be fitted
   */
  Fitted fit(StudyView study, Map<String, Distribution> space, boolean updateCache) {
    SpaceEncoding encoding = encoding(study);
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Boolean> ok = new ArrayList<>();
    List<double[]> cs = new ArrayList<>();
    boolean sameConstraintRows = true;
    for (FrozenTrial t : study.completeTrials()) {
      double[] u =
          t.values().size() == 1 && Double.isFinite(t.values().get(0)) ? encoding.encode(t) : null;
      double[] c = ConstraintModels.of(t);
      if (u != null) {
        xs.add(u);
        ys.add(study.direction().asLoss(t.value()));
        ok.add(ConstraintModels.feasible(t));
        cs.add(c);
        sameConstraintRows &=
            c != null
                && cs.get(0) != null
                && c.length == cs.get(0).length
                && java.util.Arrays.stream(c).allMatch(Double::isFinite);
      } else if (c != null) {
        sameConstraintRows = false; // a constraint GP would have a row the objective's lacks
      }
    }
    if (xs.size() < Math.max(1, nStartupTrials)) {
      return null;
    }
    boolean[] eligible = new boolean[ok.size()];
    for (int i = 0; i < eligible.length; i++) {
      eligible[i] = ok.get(i);
    }
    double[][] constraints = null;
    if (sameConstraintRows) {
      constraints = new double[cs.get(0).length][xs.size()];
      for (int i = 0; i < xs.size(); i++) {
        for (int k = 0; k < constraints.length; k++) {
          constraints[k][i] = cs.get(i)[k];
        }
      }
    }
    return fit(
        constraints == null ? "objective" : "objective+constraints",
        encoding,
        xs.toArray(new double[0][]),
        ys.stream().mapToDouble(Double::doubleValue).toArray(),
        true,
        eligible,
        updateCache,
        study.name(),
        REFIT_EVERY_TRIAL_UP_TO,
        constraints);
  }

  /**
   * Fits one output.
   *
   * @param slot names the caches (warm start, factor) of this output
   * @param x n unit points (NaN where a conditional parameter is absent); y n finite targets, lower
   *     is better
   * @param warp whether to warp the targets ({@link OutputWarp}) before standardising them
   * @param eligible which rows may be incumbents (null: all)
   * @return the fit, or null when the Gram matrix could not be factored or x is empty
   */
  Fitted fit(
      String slotName,
      SpaceEncoding encoding,
      double[][] x,
      double[] targets,
      boolean warp,
      boolean[] eligible,
      boolean updateCache,
      String studyName) {
    return fit(
        slotName,
        encoding,
        x,
        targets,
        warp,
        eligible,
        updateCache,
        studyName,
        REFIT_EVERY_TRIAL_UP_TO);
  }

  /**
   * As above; the hyperparameters are refitted at every call up to {@code everyTrialUpTo} rows,
   * then once the data grew by {@link #SPARSE_REFIT_GROWTH} (the factor is extended in between).
   * The secondary outputs (constraints, the objectives of several) use 30: they cost a fit each.
   */
  Fitted fit(
      String slotName,
      SpaceEncoding encoding,
      double[][] x,
      double[] targets,
      boolean warp,
      boolean[] eligible,
      boolean updateCache,
      String studyName,
      int everyTrialUpTo) {
    return fit(
        slotName,
        encoding,
        x,
        targets,
        warp,
        eligible,
        updateCache,
        studyName,
        everyTrialUpTo,
        null);
  }

  /**
   * As above, with the constraint values of the same rows (constraints x n, finite), or null: then
   * one kernel is fitted to the objective and the constraints together and the constraint GPs share
   * the objective's factor (see {@link HyperparameterFit} and {@link ConstraintModels}).
   */
  Fitted fit(
      String slotName,
      SpaceEncoding encoding,
      double[][] x,
      double[] targets,
      boolean warp,
      boolean[] eligible,
      boolean updateCache,
      String studyName,
      int everyTrialUpTo,
      double[][] constraintValues) {
    int n = x.length;
    if (n == 0) {
      return null;
    }
    Slot slot = slots.computeIfAbsent(slotName, k -> new Slot());
    OutputWarp w = warp ? OutputWarp.fit(targets) : null;
    double[] ws = new double[n];
    for (int i = 0; i < n; i++) {
      ws[i] = w != null ? w.apply(targets[i]) : targets[i];
    }
    double mean = java.util.Arrays.stream(ws).average().orElse(0);
    double var = java.util.Arrays.stream(ws).map(v -> (v - mean) * (v - mean)).sum() / n;
    double sd = var > 1e-300 ? Math.sqrt(var) : 1.0;
    double[] y = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      y[i] = (ws[i] - mean) / sd;
      order[i] = i;
    }
    double[] all = y;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    List<double[]> inc = new ArrayList<>();
    double bestY = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n && inc.size() < 3; i++) {
      if (eligible == null || eligible[order[i]]) {
        if (inc.isEmpty()) {
          bestY = y[order[i]];
        }
        inc.add(x[order[i]]);
      }
    }
    // In a conditional space, also the best trial of every branch (each value of each parent).
    for (int j : encoding.parentDimensions()) {
      for (double level : encoding.levels(j)) {
        for (int i = 0; i < n; i++) {
          double[] row = x[order[i]];
          if ((eligible == null || eligible[order[i]]) && row[j] == level) {
            if (!inc.contains(row)) {
              inc.add(row);
            }
            break;
          }
        }
      }
    }
    double[][] incumbents = inc.toArray(new double[0][]);
    int outputs = constraintValues == null ? 0 : constraintValues.length;
    double[][] cy = new double[outputs][];
    double[] cMean = new double[outputs];
    double[] cSd = new double[outputs];
    for (int k = 0; k < outputs; k++) {
      double[] raw = constraintValues[k];
      double mk = java.util.Arrays.stream(raw).average().orElse(0);
      double vk = java.util.Arrays.stream(raw).map(v -> (v - mk) * (v - mk)).sum() / n;
      cMean[k] = mk;
      cSd[k] = vk > 1e-300 ? Math.sqrt(vk) : 1.0;
      cy[k] = new double[n];
      for (int i = 0; i < n; i++) {
        cy[k][i] = (raw[i] - mk) / cSd[k];
      }
    }
    double[][] constraintIncumbents =
        outputs == 0 ? null : ConstraintModels.nearestFeasible(x, cy, cMean, cSd);
    int[] subset = TrainingSubset.select(x, order, TrainingSubset.MAX);
    if (subset != null) { // rows best first, so order becomes the identity
      double[][] sx = new double[subset.length][];
      double[] sy = new double[subset.length];
      for (int i = 0; i < subset.length; i++) {
        sx[i] = x[subset[i]];
        sy[i] = y[subset[i]];
      }
      x = sx;
      y = sy;
      for (int k = 0; k < outputs; k++) {
        double[] sc = new double[subset.length];
        for (int i = 0; i < subset.length; i++) {
          sc[i] = cy[k][subset[i]];
        }
        cy[k] = sc;
      }
      order = new Integer[subset.length];
      for (int i = 0; i < subset.length; i++) {
        order[i] = i;
      }
      double[] fy = y;
      java.util.Arrays.sort(order, (a, b) -> Double.compare(fy[a], fy[b]));
    }
    boolean[] categorical = encoding.categorical();
    boolean[] conditional = encoding.conditional();
    List<Object> key = encoding.cacheKey();
    boolean sameSpace = key.equals(slot.cacheKey);
    double[] warmStart = sameSpace ? slot.warmTheta : null;
    GpModel previous = sameSpace ? slot.lastModel : null;
    if (!sameSpace && updateCache) {
      slot.cacheKey = key;
      slot.warmTheta = null;
      slot.lastModel = null;
    }
    double growth = everyTrialUpTo >= REFIT_EVERY_TRIAL_UP_TO ? REFIT_GROWTH : SPARSE_REFIT_GROWTH;
    boolean refit = warmStart == null || n <= everyTrialUpTo || n >= growth * slot.thetaFitN;
    double[] theta = warmStart;
    if (refit) {
      SplittableRandom rng = SeededStreams.of(seed, n, "gp-hyperparameters");
      boolean warm = warmStart != null;
      int[] rows = fitRows(y, order);
      double[][] fx = new double[rows.length][];
      double[][] fy = new double[1 + outputs][rows.length];
      for (int i = 0; i < rows.length; i++) {
        fx[i] = x[rows[i]];
        fy[0][i] = y[rows[i]];
        for (int k = 0; k < outputs; k++) {
          fy[1 + k][i] = cy[k][rows[i]];
        }
      }
      theta =
          HyperparameterFit.fit(
              categorical,
              conditional,
              fx,
              fy,
              warmStart,
              warm && slot.fits % 5 != 0 ? 0 : 1,
              warm ? 50 : 200,
              rng);
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          slotName
              + " n="
              + n
              + " names="
              + encoding.names()
              + " theta="
              + java.util.Arrays.toString(theta));
    }
    Kernel kernel = new Kernel(categorical, conditional, theta);
    Optional<GpModel> model = Optional.empty();
    if (!refit
        && previous != null
        && startsWith(x, previous.inputs())
        && sameTheta(previous, theta)) {
      model = previous.extend(x, y);
    }
    if (model.isEmpty()) {
      model = GpModel.fit(kernel, x, y);
    }
    if (model.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "GP of {0} could not be fitted on {1} trials of study ''{2}''; sampling at random",
          new Object[] {slotName, n, studyName});
      return null;
    }
    if (updateCache) {
      if (refit) {
        slot.warmTheta = theta;
        slot.thetaFitN = n;
        slot.fits++;
      }
      slot.lastModel = model.get();
    }
    ConstraintModels shared = null;
    if (outputs > 0) {
      GpModel[] cm = new GpModel[outputs];
      for (int k = 0; k < outputs; k++) {
        cm[k] = model.get().withTargets(cy[k]);
      }
      shared = ConstraintModels.shared(cm, cMean, cSd, constraintIncumbents);
    }
    return new Fitted(encoding, model.get(), w, mean, sd, bestY, incumbents, n, shared);
  }
}
