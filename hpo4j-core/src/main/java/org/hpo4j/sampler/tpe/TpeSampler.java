package org.hpo4j.sampler.tpe;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Tree-structured Parzen Estimator: splits the finished trials into the best gamma(n) ("good") and
 * the rest ("bad"), fits a Parzen estimator l(x) to the good and g(x) to the bad, draws {@code
 * nEiCandidates} points from l and keeps the one maximising log l(x) - log g(x), which maximises
 * expected improvement under the TPE model. Papers: Bergstra et al. 2011,
 * https://papers.nips.cc/paper/4443; Watanabe 2023, https://arxiv.org/abs/2304.11127.
 *
 * <ul>
 *   <li><b>multivariate</b> (default): joint kernels over parameters that trials share, through
 *       {@link #inferRelativeSearchSpace}/{@link #sampleRelative}; otherwise each parameter is
 *       modelled alone in {@link #sampleIndependent}.
 *   <li><b>group</b> (default, with multivariate): the space is split into groups of parameters
 *       that always occur together (e.g. {@code optimizer=adam -> beta1}) and each group is
 *       modelled from the trials that have it, so a conditional child is never left to random
 *       search.
 *   <li><b>constantLiar</b> (default): running trials count as bad, so parallel workers do not
 *       propose the same point.
 * </ul>
 *
 * The first {@code nStartupTrials} trials are random, drawn exactly as {@link
 * org.hpo4j.sampler.RandomSampler} draws. Pruned trials rank after complete ones by (deepest step,
 * last value); failed trials are ignored.
 *
 * <p>Thread-safe. Finished trials are read once and cached by id (see {@link History}), so a
 * suggest costs time linear in the number of trials. Same seed and same history give the same
 * proposal. Supports single-objective studies only.
 */
public final class TpeSampler implements Sampler {
  private final IntUnaryOperator gamma;
  private final int nStartupTrials;
  private final int nEiCandidates;
  private final boolean multivariate;
  private final boolean group;
  private final boolean constantLiar;
  private final double priorWeight;
  private final boolean considerEndpoints;
  private final double minBandwidthFactor;
  private final long seed;
  private final Sampler random;
  private final Map<String, History> histories = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, History.Proposal>> pending = new ConcurrentHashMap<>();
  private final Map<Long, Snapshot> perTrial =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Snapshot> eldest) {
              return size() > 256;
            }
          });

  private TpeSampler(Builder b) {
    this.gamma = b.gamma;
    this.nStartupTrials = b.nStartupTrials;
    this.nEiCandidates = b.nEiCandidates;
    this.multivariate = b.multivariate;
    this.group = b.group;
    this.constantLiar = b.constantLiar;
    this.priorWeight = b.priorWeight;
    this.considerEndpoints = b.considerEndpoints;
    this.minBandwidthFactor = b.minBandwidthFactor;
    this.seed = b.seed;
    this.random = RandomSampler.builder().seed(b.seed).build();
  }

  /**
   * @return a builder with the defaults described on each of its setters
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The default split size: gamma(n) = min(ceil(0.1 n), 25). */
  public static int defaultGamma(int n) {
    return Math.min((int) Math.ceil(0.1 * n), 25);
  }

  private Snapshot snapshot(StudyView study, FrozenTrial trial) {
    Snapshot s = perTrial.get(trial.id());
    if (s == null) {
      requireState(
          !study.isMultiObjective(),
          "TpeSampler supports single-objective studies, but study '%s' has %s objectives; use nsga2",
          study.name(),
          study.directions().size());
      History h = histories.computeIfAbsent(study.name(), k -> new History());
      s = h.update(study.trials(), study.direction(), trial.id(), pending);
      perTrial.put(trial.id(), s);
    }
    return s;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    if (!multivariate) {
      return Map.of();
    }
    Snapshot s = snapshot(study, trial);
    if (s.finishedCount() < nStartupTrials) {
      return Map.of();
    }
    Map<String, Distribution> space = new LinkedHashMap<>();
    for (Map<String, Distribution> g : s.groups(group)) {
      space.putAll(g);
    }
    return space;
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    if (!multivariate || space.isEmpty()) {
      return Map.of();
    }
    Snapshot s = snapshot(study, trial);
    if (s.finishedCount() < nStartupTrials) {
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map<String, Distribution> g : s.groups(group)) {
      List<String> names = new ArrayList<>();
      List<Axis> axes = new ArrayList<>();
      g.forEach(
          (name, d) -> {
            if (d.equals(space.get(name))) {
              names.add(name);
              axes.add(new Axis(d));
            }
          });
      if (names.isEmpty()) {
        continue;
      }
      String[] n = names.toArray(new String[0]);
      RandomGenerator rng = SeededStreams.of(seed, trial.number(), "tpe/" + String.join("/", n));
      double[] x = propose(s, n, axes.toArray(new Axis[0]), rng);
      if (x != null) {
        for (int j = 0; j < n.length; j++) {
          out.put(n[j], x[j]);
        }
      }
    }
    if (constantLiar && !out.isEmpty()) {
      Map<String, History.Proposal> p =
          pending.computeIfAbsent(trial.id(), k -> new ConcurrentHashMap<>());
      out.forEach((name, v) -> p.put(name, new History.Proposal(v, space.get(name))));
    }
    return out;
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    Snapshot s = snapshot(study, trial);
    double value = Double.NaN;
    if (s.finishedCount() >= nStartupTrials && !distribution.isSingle()) {
      RandomGenerator rng = SeededStreams.of(seed, trial.number(), "tpe/" + name);
      double[] x = propose(s, new String[] {name}, new Axis[] {new Axis(distribution)}, rng);
      value = x == null ? Double.NaN : x[0];
    }
    if (Double.isNaN(value)) {
      value = random.sampleIndependent(study, trial, name, distribution);
    }
    if (constantLiar) {
      pending
          .computeIfAbsent(trial.id(), k -> new ConcurrentHashMap<>())
          .put(name, new History.Proposal(value, distribution));
    }
    return value;
  }

  /**
   * @return internal values of the best of nEiCandidates draws from l, or null without data
   */
  private double[] propose(Snapshot s, String[] names, Axis[] axes, RandomGenerator rng) {
    Snapshot.Split split = s.split(names, axes, gamma, constantLiar);
    if (split == null) {
      return null;
    }
    ParzenEstimator l =
        ParzenEstimator.fit(
            axes,
            split.below(),
            split.belowWeights(),
            split.belowOrder(),
            priorWeight,
            considerEndpoints,
            minBandwidthFactor);
    ParzenEstimator g =
        ParzenEstimator.fit(
            axes,
            split.above(),
            split.aboveWeights(),
            split.aboveOrder(),
            priorWeight,
            considerEndpoints,
            minBandwidthFactor);
    double[][] candidates = l.sample(rng, nEiCandidates);
    double[] logL = new double[candidates.length];
    double[] logG = new double[candidates.length];
    l.logPdf(candidates, logL);
    g.logPdf(candidates, logG);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates.length; c++) {
      double score = logL[c] - logG[c];
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (Double.isNaN(bestScore) || bestScore == Double.NEGATIVE_INFINITY) {
      throw new IllegalStateException(
          "TPE acquisition is not finite for "
              + String.join(", ", names)
              + " (log l - log g = "
              + bestScore
              + "); the Parzen estimators failed");
    }
    double[] x = new double[names.length];
    for (int j = 0; j < names.length; j++) {
      x[j] = axes[j].toInternal(candidates[best][j]);
    }
    return x;
  }

  @Override
  public void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    pending.remove(trial.id());
    perTrial.remove(trial.id());
  }

  @Override
  public String toString() {
    return "TpeSampler(multivariate="
        + multivariate
        + ", group="
        + group
        + ", constantLiar="
        + constantLiar
        + ", nStartupTrials="
        + nStartupTrials
        + ", nEiCandidates="
        + nEiCandidates
        + ", priorWeight="
        + priorWeight
        + ", seed="
        + seed
        + ")";
  }

  /** Settings of a {@link TpeSampler}. Not thread-safe; each setter checks its argument at once. */
  public static final class Builder {
    private IntUnaryOperator gamma = TpeSampler::defaultGamma;
    private int nStartupTrials = 10;
    private int nEiCandidates = 24;
    private boolean multivariate = true;
    private boolean group = true;
    private boolean constantLiar = true;
    private double priorWeight = 1.0;
    private boolean considerEndpoints = false;
    private double minBandwidthFactor = 0;
    private long seed = SeededStreams.freshSeed();

    private Builder() {}

    /** Number of good trials among n (default min(ceil(0.1 n), 25)); clamped to [1, n]. */
    public Builder gamma(IntUnaryOperator gamma) {
      this.gamma = org.hpo4j.Checks.requireNonNull(gamma, "gamma");
      return this;
    }

    /**
     * gamma(n) = min(ceil(fraction * n), max).
     *
     * @throws IllegalArgumentException unless 0 &lt; fraction &lt;= 1 and max &gt;= 1
     */
    public Builder gamma(double fraction, int max) {
      requireArgument(
          fraction > 0 && fraction <= 1, "0 < gamma fraction <= 1 must hold, but got %s", fraction);
      requireArgument(max >= 1, "gamma max >= 1 must hold, but got %s", max);
      this.gamma = n -> Math.min((int) Math.ceil(fraction * n), max);
      return this;
    }

    /**
     * gamma(n) = min(ceil(fraction * sqrt(n)), max), the form of Bergstra et al.'s hyperopt.
     *
     * @throws IllegalArgumentException unless fraction &gt; 0 and max &gt;= 1
     */
    public Builder gammaSqrt(double fraction, int max) {
      requireArgument(
          fraction > 0 && Double.isFinite(fraction),
          "gamma fraction > 0 must hold, but got %s",
          fraction);
      requireArgument(max >= 1, "gamma max >= 1 must hold, but got %s", max);
      this.gamma = n -> Math.min((int) Math.ceil(fraction * Math.sqrt(n)), max);
      return this;
    }

    /**
     * Random trials before TPE starts (default 10). @throws IllegalArgumentException when negative
     */
    public Builder nStartupTrials(int n) {
      requireArgument(n >= 0, "nStartupTrials >= 0 must hold, but got %s", n);
      this.nStartupTrials = n;
      return this;
    }

    /**
     * Candidates drawn from l(x) per proposal (default 24). @throws IllegalArgumentException when
     * &lt; 1
     */
    public Builder nEiCandidates(int n) {
      requireArgument(n >= 1, "nEiCandidates >= 1 must hold, but got %s", n);
      this.nEiCandidates = n;
      return this;
    }

    /** Joint kernels over shared parameters (default true). */
    public Builder multivariate(boolean on) {
      this.multivariate = on;
      return this;
    }

    /** With multivariate: model groups of co-occurring parameters jointly (default true). */
    public Builder group(boolean on) {
      this.group = on;
      return this;
    }

    /** Running trials count as bad (default true). */
    public Builder constantLiar(boolean on) {
      this.constantLiar = on;
      return this;
    }

    /**
     * Weight of the prior kernel (default 1.0). @throws IllegalArgumentException unless finite and
     * &gt; 0
     */
    public Builder priorWeight(double w) {
      requireArgument(w > 0 && Double.isFinite(w), "priorWeight > 0 must hold, but got %s", w);
      this.priorWeight = w;
      return this;
    }

    /** Univariate bandwidths also consider the distance to the range ends (default false). */
    public Builder considerEndpoints(boolean on) {
      this.considerEndpoints = on;
      return this;
    }

    /**
     * Smallest kernel bandwidth as a fraction of the range (default 0: the "magic clip" range /
     * min(100, n + 2)). @throws IllegalArgumentException unless 0 &lt;= factor &lt; 1
     */
    public Builder minBandwidthFactor(double factor) {
      requireArgument(
          factor >= 0 && factor < 1, "0 <= minBandwidthFactor < 1 must hold, but got %s", factor);
      this.minBandwidthFactor = factor;
      return this;
    }

    /** Seed of every random choice (default: a fresh one per builder). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @return the sampler
     */
    public TpeSampler build() {
      return new TpeSampler(this);
    }
  }
}
