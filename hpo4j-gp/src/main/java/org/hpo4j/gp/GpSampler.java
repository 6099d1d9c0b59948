package org.hpo4j.gp;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hpo4j.Experimental;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Gaussian-process Bayesian optimization: after {@code nStartupTrials} random trials, each trial's
 * parameters maximise an acquisition function of a GP fitted to the finished trials (Matérn-5/2 ARD
 * kernel times an overlap (Hamming) factor with one length scale per categorical, MAP
 * hyperparameters; see {@link Kernel}, {@link HyperparameterFit}). This class only wires the layers
 * together: model, acquisition ({@link AcquisitionFunction}), acquisition optimizer.
 *
 * <p>Inputs are mapped to the unit cube ({@link SpaceEncoding}: log parameters in log space,
 * integers and steps on their grid); losses are warped by a monotone log transform that tames heavy
 * upper tails ({@link OutputWarp}) and then standardised.
 *
 * <p><b>Conditional and changing spaces.</b> The GP models every parameter of the complete trials.
 * {@link SpaceTree} reads the tree of the space off the trials (which categorical value brings
 * which parameters); an absent parameter is encoded as such and compared through the arc kernel of
 * Swersky et al. (<a href="https://arxiv.org/abs/1409.4011">arXiv:1409.4011</a>), so sibling
 * branches share what they have in common. The acquisition optimizer searches the mixed space
 * directly (quasi-random and local candidates, quasi-Newton over the continuous parameters, sweeps
 * of every discrete one, and one refinement per branch) and masks every point by the tree, so a
 * parameter is never proposed without its parent. In such a space log EI asks for a margin of 0.05
 * standardised units over the best trial, so that a branch polished to its optimum does not starve
 * its siblings. A parameter added mid-study, or whose range changed, is modelled with the newest
 * distribution.
 *
 * <p><b>Constraints</b> ({@code Trial.setConstraints}, &lt;= 0 feasible): a GP per constraint, and
 * log PF, the log probability that all hold, added to log EI over the best <em>feasible</em> trial
 * (Gardner et al., <a href="https://proceedings.mlr.press/v32/gardner14.html">ICML 2014</a>); with
 * no feasible trial yet, the sampler maximises PF alone. See {@link ConstraintModels}.
 *
 * <p><b>Several objectives</b> (2-4): a GP per objective and log expected hypervolume improvement
 * over the feasible front, exact by box decomposition ({@link LogEhvi}; Emmerich et al., IEEE TEVC
 * 2006; Ament et al., <a href="https://arxiv.org/abs/2310.20708">NeurIPS 2023</a> for the log
 * form). See {@link MultiObjectiveStep}.
 *
 * <p><b>Parallel trials.</b> Trials RUNNING at the time of a proposal are accounted for: with
 * EI-type acquisitions (log EI, EI, PI, UCB, log EHVI) they enter the GPs as fantasies at the
 * posterior mean (the Kriging believer), which removes the uncertainty that made them attractive;
 * Thompson sampling takes an independent posterior draw per trial instead.
 *
 * <p>Reproducible: the same seed and the same history give the same proposals. Thread-safe:
 * proposals are serialised by an internal lock; the sampler keeps only caches (the last
 * hyperparameters as a warm start, the proposals of running trials). Measurements:
 * docs/bench/gp24/README.md.
 *
 * <p>Reference: Snoek, Larochelle &amp; Adams, "Practical Bayesian Optimization of Machine Learning
 * Algorithms", <a href="https://arxiv.org/abs/1206.2944">NeurIPS 2012</a>; Balandat et al.,
 * "BoTorch", <a href="https://arxiv.org/abs/1910.06403">NeurIPS 2020</a>.
 */
public final class GpSampler implements Sampler {
  private static final Logger LOG = Logger.getLogger(GpSampler.class.getName());

  /** The acquisition function that picks the next point. */
  public enum AcquisitionFunction {
    /** Log expected improvement: the default, stable where EI underflows. */
    LOG_EI,
    /** Expected improvement. */
    EI,
    /** Probability of improvement, optimised as its logarithm. */
    PI,
    /** Upper confidence bound (of the negated objective) with a fixed beta (default 0.1). */
    UCB,
    /** Thompson sampling over a candidate set. */
    THOMPSON
  }

  private final long seed;
  private final AcquisitionFunction acquisition;
  private final int nStartupTrials;
  private final double beta;
  private final int candidates;
  private final Sampler random;

  private final Object lock = new Object();
  private final Map<Integer, double[]> pendingProposals = new HashMap<>();
  private final ModelFitter fitter;

  private GpSampler(Builder b) {
    this.seed = b.seed;
    this.acquisition = b.acquisition;
    this.nStartupTrials = b.nStartupTrials;
    this.beta = b.beta;
    this.candidates = b.candidates;
    this.random = RandomSampler.builder().seed(b.seed).build();
    this.fitter = new ModelFitter(b.seed, b.nStartupTrials);
  }

  /**
   * @return a builder: log EI, 10 start-up trials, a fresh seed unless {@link Builder#seed} is
   *     called
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return every parameter of the complete trials (see {@link SpaceTree}), conditional ones
   *     included
   */
  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return SpaceTree.infer(study.completeTrials()).space();
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    synchronized (lock) {
      if (study.isMultiObjective()) {
        long s = SeededStreams.of(seed, trial.number()).nextLong();
        Optional<MultiObjectiveStep.Result> r =
            MultiObjectiveStep.propose(
                study,
                fitter,
                nStartupTrials,
                Math.min(candidates, 256),
                pendingProposals,
                trial.number(),
                s);
        if (r.isEmpty()) {
          return Map.of();
        }
        pendingProposals.put(trial.number(), r.get().proposal().x());
        return r.get().encoding().decode(r.get().proposal().x());
      }
      ModelFitter.Fitted f = fitter.fit(study, space, true);
      if (f == null) {
        return Map.of();
      }
      long s = SeededStreams.of(seed, trial.number()).nextLong();
      double[] x = propose(f, study, trial.number(), s).x();
      pendingProposals.put(trial.number(), x);
      return f.encoding().decode(x);
    }
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return random.sampleIndependent(study, trial, name, distribution);
  }

  /**
   * The GP along one parameter through the best trial, with the acquisition there and the next
   * proposal, for a dashboard's "GP view". Does not change what the sampler proposes.
   *
   * @param parameter a parameter of the modelled space
   * @param points number of slice points (&gt;= 2; a discrete parameter shows each of its values
   *     once)
   * @return the slice, or empty while the study has fewer than nStartupTrials complete trials or
   *     the GP cannot be fitted
   * @throws IllegalArgumentException when {@code parameter} is not in the modelled space or points
   *     &lt; 2
   */
  @Experimental
  public Optional<GpSlice> slice(StudyView study, String parameter, int points) {
    requireArgument(
        points >= 2, "points >= 2 must hold for the GP slice, but got points=%s", points);
    Map<String, Distribution> space = inferRelativeSearchSpace(study, null);
    requireArgument(
        space.containsKey(parameter),
        "parameter '%s' is not modelled by the GP; modelled parameters: %s",
        parameter,
        space.keySet());
    synchronized (lock) {
      ModelFitter.Fitted f = fitter.fit(study, space, false);
      if (f == null || f.incumbents().length == 0) {
        return Optional.empty();
      }
      int j = f.encoding().names().indexOf(parameter);
      double[] levels = f.encoding().levels(j);
      int m = levels != null ? levels.length : points;
      double sign = study.direction() == org.hpo4j.study.StudyDirection.MAXIMIZE ? -1.0 : 1.0;
      Acquisition acq = acquisitionFor(f);
      List<Double> values = new ArrayList<>();
      List<Double> mean = new ArrayList<>();
      List<Double> sd = new ArrayList<>();
      List<Double> acqValues = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        double[] x = f.incumbents()[0].clone();
        x[j] = levels != null ? levels[i] : (double) i / (m - 1);
        Posterior p = f.model().posterior(f.encoding().snap(x), false);
        values.add(f.encoding().decode(x).get(parameter));
        double w = p.mean() * f.ySd() + f.yMean();
        mean.add(sign * f.warp().inverse(w));
        sd.add(Math.sqrt(p.variance()) * f.ySd() * f.warp().inverseSlope(w));
        acqValues.add(acq.value(p, null));
      }
      long s = SeededStreams.of(seed, study.trials().size()).nextLong();
      double[] next = propose(f, study, -1, s).x();
      return Optional.of(
          new GpSlice(
              parameter,
              values,
              mean,
              sd,
              acqValues,
              f.encoding().decode(f.incumbents()[0]),
              f.encoding().decode(next)));
    }
  }

  /** The margin of log EI in a conditional space, in standardised units (see the class comment). */
  static final double CONDITIONAL_XI = 0.05;

  private Acquisition acquisitionFor(ModelFitter.Fitted f) {
    double best = f.best() - (f.encoding().parentDimensions().length > 0 ? CONDITIONAL_XI : 0.0);
    return switch (acquisition) {
      case LOG_EI, THOMPSON -> Acquisition.logEi(best);
      case EI -> Acquisition.ei(best);
      case PI -> Acquisition.pi(best, true);
      case UCB -> Acquisition.ucb(beta);
    };
  }

  private AcquisitionOptimizer.Proposal propose(
      ModelFitter.Fitted f, StudyView study, int trialNumber, long s) {
    if (acquisition == AcquisitionFunction.THOMPSON) {
      AcquisitionOptimizer pool =
          new AcquisitionOptimizer(f.encoding(), Math.min(candidates, 400), 1, 0);
      double[][] c = pool.candidatePool(f.incumbents(), s);
      for (int k = 0; k < c.length; k++) {
        c[k] = f.encoding().mask(c[k]);
      }
      int i = ThompsonSampling.argminOfDraw(f.model(), c, new SplittableRandom(s));
      return new AcquisitionOptimizer.Proposal(c[i], Double.NaN);
    }
    GpModel model = withFantasies(f, study, trialNumber);
    // Each candidate costs O(n^2): past 300 trials, fewer candidates and shorter refinements.
    int n = f.model().size();
    double shrink = n <= 300 ? 1.0 : (300.0 / n) * (300.0 / n);
    AcquisitionOptimizer optimizer =
        new AcquisitionOptimizer(
            f.encoding(),
            Math.max(128, (int) (candidates * shrink)),
            n <= 300 ? 5 : 2,
            n <= 300 ? 50 : 20);
    ConstraintModels constraints =
        f.constraints() != null
            ? f.constraints()
            : ConstraintModels.fit(study, f.encoding(), fitter);
    if (constraints == null) {
      return optimizer.maximize(model, acquisitionFor(f), f.incumbents(), s);
    }
    if (Double.isInfinite(f.best())) {
      // No feasible trial yet: find one first.
      return optimizer.maximize(constraints::logFeasibility, constraints.incumbents(), s);
    }
    Acquisition acq = acquisitionFor(f);
    if ((acquisition == AcquisitionFunction.LOG_EI || acquisition == AcquisitionFunction.PI)
        && constraints.isShared()
        && model == f.model()) {
      // One posterior evaluation serves the objective and every constraint (they share the factor).
      GpModel[] all = new GpModel[1 + constraints.models().length];
      all[0] = model;
      System.arraycopy(constraints.models(), 0, all, 1, all.length - 1);
      return optimizer.maximize(
          (x, g) -> {
            Posterior[] ps = GpModel.posteriors(all, x, g != null);
            return acq.value(ps[0], g) + constraints.logFeasibility(ps, 1, g);
          },
          f.incumbents(),
          s);
    }
    if (acquisition == AcquisitionFunction.LOG_EI || acquisition == AcquisitionFunction.PI) {
      return optimizer.maximize(
          (x, g) -> acq.value(model.posterior(x, g != null), g) + constraints.logFeasibility(x, g),
          f.incumbents(),
          s);
    }
    // EI and UCB are not logarithms: multiply by PF (product rule for the gradient).
    return optimizer.maximize(
        (x, g) -> {
          double[] ga = g == null ? null : new double[g.length];
          double a = acq.value(model.posterior(x, g != null), ga);
          double lpf = constraints.logFeasibility(x, g);
          double pf = Math.exp(lpf);
          if (g != null) {
            for (int j = 0; j < g.length; j++) {
              g[j] = pf * ga[j] + a * pf * g[j];
            }
          }
          return a * pf;
        },
        f.incumbents(),
        s);
  }

  /** The Kriging believer: RUNNING trials enter the GP at their posterior mean. */
  private GpModel withFantasies(ModelFitter.Fitted f, StudyView study, int trialNumber) {
    List<double[]> pending = new ArrayList<>();
    Set<Integer> running = new HashSet<>();
    for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
      running.add(t.number());
      if (t.number() == trialNumber) {
        continue;
      }
      double[] u = f.encoding().encode(t);
      if (u == null) {
        double[] proposed = pendingProposals.get(t.number());
        u = proposed != null && proposed.length == f.encoding().dimension() ? proposed : null;
      }
      if (u != null) {
        pending.add(f.encoding().snap(u.clone()));
      }
    }
    pendingProposals.keySet().retainAll(running);
    if (pending.isEmpty()) {
      return f.model();
    }
    double[][] px = pending.toArray(new double[0][]);
    double[] py = new double[px.length];
    for (int i = 0; i < px.length; i++) {
      py[i] = f.model().posterior(px[i], false).mean();
    }
    Optional<GpModel> conditioned = f.model().condition(px, py);
    if (conditioned.isEmpty()) {
      LOG.log(
          Level.FINE,
          "GP fantasies of {0} running trials were not positive definite; ignoring them",
          px.length);
    }
    return conditioned.orElse(f.model());
  }

  @Override
  public String toString() {
    return "GpSampler(seed="
        + seed
        + ", acquisition="
        + acquisition
        + ", nStartupTrials="
        + nStartupTrials
        + ")";
  }

  /** Settings of a {@link GpSampler}. Not thread-safe; build once. */
  public static final class Builder {
    private long seed = SeededStreams.freshSeed();
    private AcquisitionFunction acquisition = AcquisitionFunction.LOG_EI;
    private int nStartupTrials = 10;
    private double beta = UpperConfidenceBound.DEFAULT_BETA;
    private int candidates = 1024;

    private Builder() {}

    /**
     * @param value the seed of every random choice (default: a fresh one per builder)
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * @param value the acquisition function (default LOG_EI)
     */
    public Builder acquisition(AcquisitionFunction value) {
      this.acquisition = org.hpo4j.Checks.requireNonNull(value, "acquisition");
      return this;
    }

    /**
     * @param value random trials before the GP takes over (default 10)
     * @throws IllegalArgumentException when negative
     */
    public Builder nStartupTrials(int value) {
      requireArgument(
          value >= 0,
          "nStartupTrials >= 0 must hold for the GP sampler, but got nStartupTrials=%s",
          value);
      this.nStartupTrials = value;
      return this;
    }

    /**
     * @param value UCB's exploration weight beta on standardised outputs (default 0.1)
     * @throws IllegalArgumentException when negative or not finite
     */
    public Builder beta(double value) {
      requireArgument(
          value >= 0 && Double.isFinite(value),
          "beta >= 0 must hold for the GP sampler, but got beta=%s",
          value);
      this.beta = value;
      return this;
    }

    /**
     * @param value quasi-random candidates of the acquisition optimizer (default 1024)
     * @throws IllegalArgumentException when below 16
     */
    public Builder candidates(int value) {
      requireArgument(
          value >= 16,
          "candidates >= 16 must hold for the GP sampler, but got candidates=%s",
          value);
      this.candidates = value;
      return this;
    }

    /**
     * @return the sampler
     */
    public GpSampler build() {
      return new GpSampler(this);
    }
  }
}
