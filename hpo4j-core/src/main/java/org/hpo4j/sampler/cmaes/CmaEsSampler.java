package org.hpo4j.sampler.cmaes;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.Experimental;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CMA-ES for float and int parameters: N. Hansen, "The CMA Evolution Strategy: A Tutorial"
 * (https://arxiv.org/abs/1604.00772), run in the unit cube of the parameters' distributions (log
 * space for log parameters), with
 *
 * <ul>
 *   <li>optionally active CMA (negative weights for the worst half of a generation);
 *   <li>the margin for integer and stepped parameters (Hamano et al., GECCO 2022; {@link Margin});
 *   <li>a separable variant (diagonal covariance, Ros and Hansen, PPSN 2008) for many parameters;
 *   <li>IPOP restarts (Auger and Hansen, CEC 2005): when the step size collapses, the covariance
 *       becomes ill-conditioned or the losses go flat, a new run starts from a random mean with
 *       twice the population;
 *   <li>a warm start from earlier trials (WS-CMA-ES, Nomura et al., AAAI 2021): the startup trials
 *       of this study, and optionally trials of another study, set the first mean and covariance
 *       from their best tenth.
 * </ul>
 *
 * Categorical parameters, and parameters outside the space every COMPLETE trial shares, are sampled
 * at random (a warning is logged once per categorical parameter).
 *
 * <p>Rebuilt from the storage, nothing stored: the COMPLETE trials numbered from {@code
 * nStartupTrials} on, in the order they finished, are cut into consecutive generations of lambda,
 * and the runs are replayed generation by generation (the replay is cached and extended as trials
 * finish). A trial's sample is drawn from a stream keyed by (seed, trial number), so the replay
 * regenerates the exact continuous point behind an integer parameter, and a serial study is
 * reproducible from its seed. The alternative, tagging trials with generation ids in their system
 * attributes, would need a core change (a sampler only sees a read-only {@link StudyView}).
 *
 * <p>Thread-safe: the replay cache is guarded by this object's lock. With several workers a trial
 * may be sampled from a generation older than the one it is counted in, as with any asynchronous
 * CMA-ES.
 */
@Experimental
public final class CmaEsSampler implements Sampler {
  private static final Logger LOG = LoggerFactory.getLogger(CmaEsSampler.class);

  private final long seed;
  private final double sigma0;
  private final Integer populationSize;
  private final int nStartupTrials;
  private final boolean separable;
  private final boolean active;
  private final boolean restarts;
  private final boolean warmStart;
  private final List<FrozenTrial> sourceTrials;
  private final Sampler random;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private Replay replay;

  private CmaEsSampler(Builder b) {
    this.seed = b.seed;
    this.sigma0 = b.sigma0;
    this.populationSize = b.populationSize;
    this.nStartupTrials = b.nStartupTrials;
    this.separable = b.separable;
    this.active = b.active;
    this.restarts = b.restarts;
    this.warmStart = b.warmStart;
    this.sourceTrials = List.copyOf(b.sourceTrials);
    this.random = RandomSampler.builder().seed(b.seed).build();
  }

  /**
   * @return a builder with the defaults and seed 0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @throws IllegalStateException when the study has several objectives
   */
  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    if (study.isMultiObjective()) {
      throw new IllegalStateException(
          "cmaes optimises one objective, but study '"
              + study.name()
              + "' has "
              + study.directions().size()
              + "; use nsga2 for several");
    }
    if (trial.number() < Math.max(1, nStartupTrials)) {
      return Map.of();
    }
    Map<String, Distribution> space = null;
    for (FrozenTrial t : study.completeTrials()) {
      if (space == null) {
        space = new LinkedHashMap<>(t.distributions());
      } else {
        space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
      }
    }
    if (space == null) {
      return Map.of();
    }
    space
        .entrySet()
        .removeIf(e -> e.getValue() instanceof CategoricalDistribution || e.getValue().isSingle());
    return space;
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    Distribution[] dims = space.values().toArray(new Distribution[0]);
    double[] x;
    synchronized (this) { // another thread's replay may be updating the same state
      x = state(study, space).sample(SeededStreams.of(seed, trial.number()));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    int i = 0;
    for (String name : space.keySet()) {
      out.put(name, dims[i].snap(dims[i].fromUnit(x[i])));
      i++;
    }
    return out;
  }

  private synchronized CmaState state(StudyView study, Map<String, Distribution> space) {
    List<String> names = new ArrayList<>(space.keySet());
    Distribution[] dims = space.values().toArray(new Distribution[0]);
    int startup = Math.max(1, nStartupTrials);
    List<FrozenTrial> sources = new ArrayList<>();
    for (FrozenTrial t : sourceTrials) {
      if (t.state() == org.hpo4j.trial.TrialState.COMPLETE && Replay.usable(t, names, dims)) {
        sources.add(t);
      }
    }
    List<FrozenTrial> members = new ArrayList<>();
    for (FrozenTrial t : Replay.completedInOrder(study)) {
      if (Replay.usable(t, names, dims)) {
        (t.number() < startup ? sources : members).add(t);
      }
    }
    if (replay == null || !replay.fits(names, dims, sources, members)) {
      replay = new Replay(names, dims, sources, initial(names, dims, sources, study));
    }
    replay.advance(members, study.direction(), this::restart, seed);
    return replay.state();
  }

  private CmaState initial(
      List<String> names, Distribution[] dims, List<FrozenTrial> sources, StudyView study) {
    int lambda =
        populationSize != null ? populationSize : 4 + (int) Math.floor(3 * Math.log(dims.length));
    CmaState s =
        warmStart && sources.size() >= 2
            ? WarmStart.from(sources, names, dims, study.direction(), lambda, separable, active)
            : new CmaState(center(dims.length), sigma0, null, lambda, separable, active);
    Margin.apply(s, dims);
    return s;
  }

  /** IPOP: a fresh run from a random mean with twice the population; null to keep the old run. */
  private CmaState restart(CmaState old, Distribution[] dims, int index, String why) {
    if (!restarts) {
      return null;
    }
    LOG.atDebug().log(
        () ->
            "cmaes restart "
                + index
                + " after generation "
                + old.generation
                + ": "
                + why
                + "; population "
                + old.lambda
                + " -> "
                + 2 * old.lambda);
    java.util.SplittableRandom rng = SeededStreams.of(seed, -1L - index);
    double[] mean = new double[dims.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = rng.nextDouble();
    }
    CmaState s = new CmaState(mean, sigma0, null, 2 * old.lambda, separable, active);
    Margin.apply(s, dims);
    return s;
  }

  private static double[] center(int n) {
    double[] m = new double[n];
    java.util.Arrays.fill(m, 0.5);
    return m;
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    if (distribution instanceof CategoricalDistribution && warned.add(name)) {
      LOG.warn(
          "cmaes samples categorical parameter '"
              + name
              + "' independently at random; CMA-ES handles only float and int parameters");
    }
    return random.sampleIndependent(study, trial, name, distribution);
  }

  /**
   * @return lambda of the run the last replay ended in (for tests), or 0 before any replay
   */
  synchronized int currentPopulationSize() {
    return replay == null ? 0 : replay.state().lambda;
  }

  @Override
  public String toString() {
    return "CmaEsSampler(seed="
        + seed
        + ", sigma0="
        + sigma0
        + (separable ? ", separable" : "")
        + (restarts ? ", ipop" : "")
        + ")";
  }

  /** Builds a {@link CmaEsSampler}. Not thread-safe. */
  public static final class Builder {
    private long seed = SeededStreams.freshSeed();
    private double sigma0 = 0.2;
    private Integer populationSize;
    private int nStartupTrials = 1;
    private boolean separable;
    private boolean active;
    private boolean restarts = true;
    private boolean warmStart = true;
    private List<FrozenTrial> sourceTrials = List.of();

    private Builder() {}

    /** The seed of every random choice (default: a fresh one per builder). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The initial step size in the unit cube (default 0.2), used unless a warm start sets it.
     *
     * @throws IllegalArgumentException unless 0 &lt; sigma0 &lt;= 1
     */
    public Builder sigma0(double sigma0) {
      requireArgument(sigma0 > 0 && sigma0 <= 1, "sigma0 must be in (0, 1], but got %s", sigma0);
      this.sigma0 = sigma0;
      return this;
    }

    /**
     * lambda, the trials per generation; null (default) for 4 + floor(3 ln n).
     *
     * @throws IllegalArgumentException unless populationSize &gt;= 2
     */
    public Builder populationSize(Integer populationSize) {
      requireArgument(
          populationSize == null || populationSize >= 2,
          "populationSize >= 2 must hold, but got populationSize=%s",
          populationSize);
      this.populationSize = populationSize;
      return this;
    }

    /**
     * Trials sampled at random before CMA-ES starts (default 1, the least that reveals the space; 0
     * acts as 1); with a warm start, two or more of them seed the first mean and covariance.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder nStartupTrials(int n) {
      requireArgument(n >= 0, "nStartupTrials >= 0 must hold, but got %s", n);
      this.nStartupTrials = n;
      return this;
    }

    /** Diagonal covariance: cheaper and faster to adapt with many parameters (default false). */
    public Builder separable(boolean separable) {
      this.separable = separable;
      return this;
    }

    /** Active CMA: the worst half of each generation shrinks the covariance (default false). */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** IPOP restarts when a run stagnates (default true). */
    public Builder restarts(boolean restarts) {
      this.restarts = restarts;
      return this;
    }

    /** Warm start from the startup and source trials (default true). */
    public Builder warmStart(boolean warmStart) {
      this.warmStart = warmStart;
      return this;
    }

    /**
     * COMPLETE trials of an earlier, similar study whose best tenth sets the first mean and
     * covariance (WS-CMA-ES); trials lacking a parameter of the space are ignored.
     */
    public Builder sourceTrials(List<FrozenTrial> trials) {
      this.sourceTrials = List.copyOf(org.hpo4j.Checks.requireNonNull(trials, "sourceTrials"));
      return this;
    }

    /**
     * @return the sampler
     */
    public CmaEsSampler build() {
      return new CmaEsSampler(this);
    }
  }
}
