package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Hyperband (Li et al., JMLR 2018, https://arxiv.org/abs/1603.06560) over asynchronous successive
 * halving, as ASHA's paper suggests.
 *
 * <p>Notation: r = min resource, R = max resource, eta = reduction factor, B = floor(log_eta(R / r))
 * + 1 brackets. Bracket b (0 &lt;= b &lt; B) is an ASHA with min early-stopping rate b, so its first
 * rung is at step r * eta^b: bracket 0 is the most aggressive, bracket B - 1 never prunes before R.
 * Hyperband's bracket with s = B - 1 - b gives n_b = ceil(B * eta^s / (s + 1)) configurations; a
 * trial falls into bracket b with probability n_b / sum(n), drawn from a hash of (seed, trial
 * number), so the assignment is deterministic, reproducible and the same on every worker. A trial's
 * bracket is also recorded as the system attribute {@code hyperband:bracket} when it is first judged.
 * Trials are compared only with trials of their own bracket.
 *
 * <p>Immutable and thread-safe.
 */
final class HyperbandPruner implements BracketedPruner {
  static final String BRACKET_KEY = "hyperband:bracket";

  private final long minResource;
  private final long maxResource;
  private final int reductionFactor;
  private final long seed;
  private final long[] cumulativeBudget;
  private final SuccessiveHalvingPruner[] brackets;

  HyperbandPruner(long minResource, long maxResource, int reductionFactor, long seed) {
    requireArgument(minResource >= 1, "min_resource >= 1 must hold, but got min_resource=%s", minResource);
    requireArgument(maxResource >= minResource,
        "min_resource <= max_resource must hold, but got min_resource=%s, max_resource=%s", minResource, maxResource);
    requireArgument(reductionFactor >= 2, "reduction_factor >= 2 must hold, but got reduction_factor=%s",
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
      brackets[b] = new SuccessiveHalvingPruner(minResource, reductionFactor, b,
          n -> m -> bracketOf(m) == bracketOf(n));
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
    return "HyperbandPruner(min_resource=" + minResource + ", max_resource=" + maxResource
        + ", reduction_factor=" + reductionFactor + ", seed=" + seed + ", brackets=" + brackets.length + ")";
  }
}
