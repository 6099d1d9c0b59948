package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Hyperband (Li et al., JMLR 2018, https://arxiv.org/abs/1603.06560) over asynchronous successive
 * halving, as ASHA's paper suggests.
 *
 * <p>Notation: r = min resource, R = max resource, eta = reduction factor, B = floor(log_eta(R /
 * r)) + 1 brackets. Bracket b (0 &lt;= b &lt; B) is an ASHA with min early-stopping rate b, so its
 * first rung is at step r * eta^b: bracket 0 is the most aggressive, bracket B - 1 never prunes
 * before R. Hyperband's bracket with s = B - 1 - b gives n_b = ceil(B * eta^s / (s + 1))
 * configurations; a trial falls into bracket b with probability n_b / sum(n), drawn from a hash of
 * (seed, trial number), so the assignment is deterministic, reproducible and the same on every
 * worker. A trial's bracket is also recorded as the system attribute {@code hyperband:bracket} when
 * it is first judged. Trials are compared only with trials of their own bracket.
 *
 * <p>Immutable and thread-safe.
 */
public final class HyperbandPruner implements BracketedPruner {
  static final String BRACKET_KEY = "hyperband:bracket";

  private final long minResource;
  private final long maxResource;
  private final int reductionFactor;
  private final long seed;
  private final long[] cumulativeBudget;
  private final SuccessiveHalvingPruner[] brackets;

  HyperbandPruner(long minResource, long maxResource, int reductionFactor, long seed) {
    requireArgument(
        minResource >= 1, "min_resource >= 1 must hold, but got min_resource=%s", minResource);
    requireArgument(
        maxResource >= minResource,
        "min_resource <= max_resource must hold, but got min_resource=%s, max_resource=%s",
        minResource,
        maxResource);
    requireArgument(
        reductionFactor >= 2,
        "reduction_factor >= 2 must hold, but got reduction_factor=%s",
        reductionFactor);
    this.minResource = minResource;
    this.maxResource = maxResource;
    this.reductionFactor = reductionFactor;
    this.seed = seed;
    int count = 1;
    for (long r = minResource; r <= maxResource / reductionFactor; r *= reductionFactor) {
      count++;
    }
    cumulativeBudget = new long[count];
    brackets = new SuccessiveHalvingPruner[count];
    long total = 0;
    for (int b = 0; b < count; b++) {
      int s = count - 1 - b;
      long pow = 1;
      for (int i = 0; i < s; i++) {
        pow *= reductionFactor;
      }
      total += (count * pow + s) / (s + 1); // ceil(count * eta^s / (s + 1))
      cumulativeBudget[b] = total;
      brackets[b] =
          new SuccessiveHalvingPruner(
              minResource, reductionFactor, b, n -> m -> bracketOf(m) == bracketOf(n));
    }
  }

  @Override
  public int bracketCount() {
    return brackets.length;
  }

  @Override
  public int bracketOf(int trialNumber) {
    long h = mix(seed ^ mix(trialNumber + 0x9E3779B97F4A7C15L));
    long total = cumulativeBudget[cumulativeBudget.length - 1];
    long u = Long.remainderUnsigned(h, total);
    for (int b = 0; b < cumulativeBudget.length; b++) {
      if (u < cumulativeBudget[b]) {
        return b;
      }
    }
    throw new AssertionError("budget draw " + u + " beyond total " + total);
  }

  /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    int b = bracketOf(trial.number());
    if (!trial.systemAttrs().containsKey(BRACKET_KEY)) {
      study.setTrialSystemAttr(trial, BRACKET_KEY, b);
    }
    return brackets[b].shouldPrune(study, trial);
  }

  @Override
  public String toString() {
    return "HyperbandPruner(min_resource="
        + minResource
        + ", max_resource="
        + maxResource
        + ", reduction_factor="
        + reductionFactor
        + ", seed="
        + seed
        + ", brackets="
        + brackets.length
        + ")";
  }

  /**
   * @return a builder: min resource 1, reduction factor 3, seed 0; the max resource is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of Hyperband; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private long minResource = 1;
    private Long maxResource;
    private int reductionFactor = 3;
    private long seed = 0;

    private Builder() {}

    /** r, the step of the first rung of the most aggressive bracket (default 1). */
    public Builder minResource(long r) {
      this.minResource = r;
      return this;
    }

    /** R, the step at which a trial is complete (required). */
    public Builder maxResource(long r) {
      this.maxResource = r;
      return this;
    }

    /** eta (default 3). */
    public Builder reductionFactor(int eta) {
      this.reductionFactor = eta;
      return this;
    }

    /**
     * Seed of the bracket assignment (default 0, not a fresh seed: every worker sharing the study
     * must assign a trial to the same bracket).
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException when maxResource is missing, minResource &lt; 1, maxResource
     *     &lt; minResource or reductionFactor &lt; 2
     */
    public BracketedPruner build() {
      requireArgument(
          maxResource != null,
          "hyperband needs max_resource (the step at which a trial is complete)");
      return new HyperbandPruner(minResource, maxResource, reductionFactor, seed);
    }
  }
}
