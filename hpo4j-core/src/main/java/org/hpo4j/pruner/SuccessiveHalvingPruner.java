package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Asynchronous successive halving (ASHA; Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020, https://arxiv.org/abs/1810.05934), in its pruning form.
 *
 * <p>Notation: r = min resource, eta = reduction factor, s = min early-stopping rate. Rung k sits
 * at step r * eta^(s + k). When a trial's last reported step first reaches rung k, its value there
 * is recorded as the system attribute {@code asha:completed_rung_k} and compared with the rung-k
 * values of every trial of the study (any state) that reached rung k before: with n such values
 * (itself included) the trial is promoted when it is among the best max(1, floor(n / eta)), ties
 * counting in its favour; otherwise it is pruned. Promotion needs no full bracket: the first trial
 * to reach a rung is promoted, which is what makes the scheme asynchronous.
 *
 * <p>The recorded rung values are the pruner's state, so several workers sharing a storage share
 * one ASHA; {@link #shouldPrune} therefore needs a view that can write ({@code Study} can) and
 * throws {@link UnsupportedOperationException} on a read-only one. Thread-safe; two trials judged
 * concurrently may each miss the other's rung value.
 */
public final class SuccessiveHalvingPruner implements Pruner {
  static final String RUNG_KEY = "asha:completed_rung_";

  private final long minResource;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;

  /** Which trial numbers compete with each other: all, or one Hyperband bracket. */
  private final java.util.function.IntFunction<IntPredicate> competitors;

  SuccessiveHalvingPruner(long minResource, int reductionFactor, int minEarlyStoppingRate) {
    this(minResource, reductionFactor, minEarlyStoppingRate, n -> m -> true);
  }

  SuccessiveHalvingPruner(
      long minResource,
      int reductionFactor,
      int minEarlyStoppingRate,
      java.util.function.IntFunction<IntPredicate> competitors) {
    requireArgument(
        minResource >= 1, "min_resource >= 1 must hold, but got min_resource=%s", minResource);
    requireArgument(
        reductionFactor >= 2,
        "reduction_factor >= 2 must hold, but got reduction_factor=%s",
        reductionFactor);
    requireArgument(
        minEarlyStoppingRate >= 0,
        "min_early_stopping_rate >= 0 must hold, but got min_early_stopping_rate=%s",
        minEarlyStoppingRate);
    this.minResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.competitors = competitors;
  }

  /**
   * @return the step of rung k, saturating at Long.MAX_VALUE
   */
  long rungStep(int k) {
    long step = minResource;
    for (int i = 0; i < minEarlyStoppingRate + k; i++) {
      if (step > Long.MAX_VALUE / reductionFactor) {
        return Long.MAX_VALUE;
      }
      step *= reductionFactor;
    }
    return step;
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    requireState(
        !study.isMultiObjective(),
        "%s needs a single-objective study, but '%s' has %s objectives",
        this,
        study.name(),
        study.directions().size());
    int step = trial.lastStep();
    if (step < 0) {
      return false;
    }
    double value = trial.intermediateValues().get(step);
    StudyDirection dir = study.direction();
    int rung = completedRungs(trial);
    List<FrozenTrial> all = null;
    while (step >= rungStep(rung)) {
      study.setTrialSystemAttr(trial, RUNG_KEY + rung, value);
      if (all == null) {
        all = study.trials();
      }
      if (!promotable(value, rivals(all, trial, rung), dir)) {
        return true;
      }
      rung++;
    }
    return false;
  }

  /**
   * @return the number of rungs the trial has completed: its consecutive recorded rung values
   */
  static int completedRungs(FrozenTrial trial) {
    int k = 0;
    while (trial.systemAttrs().containsKey(RUNG_KEY + k)) {
      k++;
    }
    return k;
  }

  /**
   * @return the trial's recorded value at rung k, or null
   */
  static Double rungValue(FrozenTrial trial, int k) {
    return IntermediateVectors.number(trial.systemAttrs().get(RUNG_KEY + k));
  }

  private List<Double> rivals(List<FrozenTrial> all, FrozenTrial trial, int rung) {
    IntPredicate same = competitors.apply(trial.number());
    List<Double> out = new ArrayList<>();
    for (FrozenTrial t : all) {
      if (t.number() != trial.number() && same.test(t.number())) {
        Double v = rungValue(t, rung);
        if (v != null) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private boolean promotable(double value, List<Double> rivals, StudyDirection dir) {
    int n = rivals.size() + 1;
    int keep = Math.max(1, n / reductionFactor);
    int strictlyBetter = 0;
    for (double v : rivals) {
      if (dir.better(v, value)) {
        strictlyBetter++;
      }
    }
    return strictlyBetter < keep;
  }

  @Override
  public String toString() {
    return "SuccessiveHalvingPruner(min_resource="
        + minResource
        + ", reduction_factor="
        + reductionFactor
        + ", min_early_stopping_rate="
        + minEarlyStoppingRate
        + ")";
  }

  /**
   * @return a builder: min resource 1, reduction factor 3, min early-stopping rate 0
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of ASHA; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private long minResource = 1;
    private int reductionFactor = 3;
    private int minEarlyStoppingRate = 0;

    private Builder() {}

    /** Step of the first rung, r (default 1). */
    public Builder minResource(long r) {
      this.minResource = r;
      return this;
    }

    /** eta: each rung keeps the best 1/eta (default 3). */
    public Builder reductionFactor(int eta) {
      this.reductionFactor = eta;
      return this;
    }

    /** s: the first rung sits at r * eta^s (default 0). */
    public Builder minEarlyStoppingRate(int s) {
      this.minEarlyStoppingRate = s;
      return this;
    }

    /**
     * @throws IllegalArgumentException when minResource &lt; 1, reductionFactor &lt; 2 or
     *     minEarlyStoppingRate &lt; 0
     */
    public Pruner build() {
      return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate);
    }
  }
}
