package org.hpo4j.sampler.moo;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpo4j.Experimental;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SeededStreams;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II", IEEE TEC 6(2), 2002, https://doi.org/10.1109/4235.996017), and NSGA-III's
 * reference-point niching for three or more objectives (Deb and Jain, IEEE TEC 18(4), 2014) when
 * built with {@link Builder#referencePoints}.
 *
 * <p>Generations are not stored: they are derived from the history. The COMPLETE trials, in the
 * order they finished, are cut into consecutive blocks of {@code populationSize}; the first block
 * is the first population and each later full block is the offspring that competes with the
 * population for survival (constrained non-dominated sorting, then crowding distance or reference
 * points). A new trial's parents are drawn by binary tournament from the latest population; until
 * the first block is full, trials are sampled at random. Hence the sampler can be rebuilt from the
 * storage alone, needs no core support to tag trials, and a serial study is exactly reproducible
 * from its seed. Constraints ({@code Trial.setConstraints}) are honoured: feasible trials rank
 * before infeasible ones, which rank by total violation.
 *
 * <p>A child's parameter comes from {@link Crossover} (numeric parameters, in the distribution's
 * unit space) or uniform crossover (categoricals), then, with probability {@code
 * mutationProbability} (default 1 / number of parameters), from polynomial mutation (numeric) or a
 * fresh uniform choice (categorical). Parameters outside the space every member of the population
 * shares are sampled at random.
 *
 * <p>The default population is 20, smaller than the 100 of the paper: hyperparameter studies run a
 * few hundred trials, and more generations of a smaller population measured better on the ZDT
 * problems at 200 trials (see the multi-objective benchmark).
 *
 * <p>Thread-safe: the replayed population is a cache guarded by this object's lock.
 */
@Experimental
public final class NsgaIISampler implements Sampler {
  private final long seed;
  private final int populationSize;
  private final Crossover crossover;
  private final double crossoverProbability;
  private final Double mutationProbability;
  private final Survival.Niching niching;
  private final Sampler random;
  private final List<Long> consumed = new ArrayList<>();
  private List<Survival.Member> population = List.of();

  private NsgaIISampler(Builder b) {
    this.seed = b.seed;
    this.populationSize = b.populationSize;
    this.crossover = b.crossover;
    this.crossoverProbability = b.crossoverProbability;
    this.mutationProbability = b.mutationProbability;
    this.niching =
        b.referencePoints > 0 ? new ReferencePointNiching(b.referencePoints) : Survival.CROWDING;
    this.random = RandomSampler.builder().seed(b.seed).build();
  }

  /**
   * @return a builder with NSGA-II's defaults and seed 0
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    List<Survival.Member> parents = population(study);
    List<FrozenTrial> trials = new ArrayList<>(parents.size());
    parents.forEach(m -> trials.add(m.trial()));
    return History.intersection(trials);
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    List<Survival.Member> parents = population(study);
    if (parents.isEmpty() || space.isEmpty()) {
      return Map.of();
    }
    SplittableRandom rng = SeededStreams.of(seed, trial.number());
    FrozenTrial a = tournament(parents, rng).trial();
    FrozenTrial b = tournament(parents, rng).trial();
    boolean cross = rng.nextDouble() < crossoverProbability;
    double pm = mutationProbability != null ? mutationProbability : 1.0 / space.size();
    Map<String, Double> child = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      Distribution d = e.getValue();
      double va = a.internalParams().get(e.getKey());
      double vb = b.internalParams().get(e.getKey());
      boolean mutate = rng.nextDouble() < pm;
      if (d instanceof CategoricalDistribution c) {
        double v = cross && rng.nextBoolean() ? vb : va;
        child.put(e.getKey(), mutate ? rng.nextInt(c.choices().size()) : v);
      } else {
        double u = cross ? crossover.child(d.toUnit(va), d.toUnit(vb), rng) : d.toUnit(va);
        if (mutate) {
          u = Crossover.polynomialMutation(u, rng);
        }
        child.put(e.getKey(), d.snap(d.fromUnit(u)));
      }
    }
    return child;
  }

  private static Survival.Member tournament(List<Survival.Member> pop, SplittableRandom rng) {
    Survival.Member x = pop.get(rng.nextInt(pop.size()));
    if (pop.size() == 1) {
      return x;
    }
    Survival.Member y = pop.get(rng.nextInt(pop.size()));
    return Survival.beats(x, y) ? x : y;
  }

  /**
   * Replays the generations not yet seen; rebuilds from scratch if the history changed under us.
   */
  synchronized List<Survival.Member> population(StudyView study) {
    List<FrozenTrial> done = History.completedInOrder(study);
    boolean samePrefix = done.size() >= consumed.size();
    for (int i = 0; samePrefix && i < consumed.size(); i++) {
      samePrefix = done.get(i).id() == consumed.get(i);
    }
    if (!samePrefix) {
      consumed.clear();
      population = List.of();
    }
    while (done.size() - consumed.size() >= populationSize) {
      List<Survival.Member> pool = new ArrayList<>(population);
      for (FrozenTrial t : done.subList(consumed.size(), consumed.size() + populationSize)) {
        pool.add(History.member(t, study.directions()));
        consumed.add(t.id());
      }
      population = List.copyOf(Survival.select(pool, populationSize, niching));
    }
    return population;
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return random.sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public String toString() {
    return "NsgaIISampler(population="
        + populationSize
        + ", crossover="
        + crossover
        + ", seed="
        + seed
        + (niching instanceof ReferencePointNiching r ? ", " + r : "")
        + ")";
  }

  /** Builds an {@link NsgaIISampler}. Not thread-safe. */
  public static final class Builder {
    private long seed = SeededStreams.freshSeed();
    private int populationSize = 20;
    private Crossover crossover = Crossover.SBX;
    private double crossoverProbability = 0.9;
    private Double mutationProbability;
    private int referencePoints;

    private Builder() {}

    /** The seed of every random choice (default: a fresh one per builder). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException unless populationSize &gt;= 2
     */
    public Builder populationSize(int populationSize) {
      requireArgument(
          populationSize >= 2,
          "populationSize >= 2 must hold, but got populationSize=%s",
          populationSize);
      this.populationSize = populationSize;
      return this;
    }

    /** The crossover of numeric parameters (default SBX). */
    public Builder crossover(Crossover crossover) {
      this.crossover = org.hpo4j.Checks.requireNonNull(crossover, "crossover");
      return this;
    }

    /**
     * @throws IllegalArgumentException unless 0 &lt;= p &lt;= 1
     */
    public Builder crossoverProbability(double p) {
      requireArgument(p >= 0 && p <= 1, "crossoverProbability must be in [0, 1], but got %s", p);
      this.crossoverProbability = p;
      return this;
    }

    /**
     * Probability of mutating each parameter; null (the default) means 1 / number of parameters.
     *
     * @throws IllegalArgumentException unless 0 &lt;= p &lt;= 1
     */
    public Builder mutationProbability(Double p) {
      requireArgument(
          p == null || (p >= 0 && p <= 1), "mutationProbability must be in [0, 1], but got %s", p);
      this.mutationProbability = p;
      return this;
    }

    /**
     * Switches survival to NSGA-III: {@code divisions} splits of each objective axis define the
     * Das-Dennis reference points that keep the population spread; 0 (default) keeps NSGA-II's
     * crowding distance.
     *
     * @throws IllegalArgumentException when divisions &lt; 0
     */
    public Builder referencePoints(int divisions) {
      requireArgument(
          divisions >= 0, "referencePoints (divisions) >= 0 must hold, but got %s", divisions);
      this.referencePoints = divisions;
      return this;
    }

    /**
     * @return the sampler
     */
    public NsgaIISampler build() {
      return new NsgaIISampler(this);
    }
  }
}
