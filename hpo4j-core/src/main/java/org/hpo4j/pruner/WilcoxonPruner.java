package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * For objectives that are averages over instances or folds: the steps are the instances (step i =
 * the loss on instance i, not a running mean), reported in any order. The trial is compared, paired
 * instance by instance on the steps both reported, with the best COMPLETE trial; it is pruned when
 * a one-sided Wilcoxon signed-rank test ({@link SignedRankTest}) says it is worse with p &lt;
 * {@code pThreshold} <em>and</em> its mean over those steps is worse than the best trial's mean
 * over the same steps (so a trial that wins on average is never stopped by a rank artefact). No
 * decision before {@code startupSteps} paired steps, nor before any trial is COMPLETE.
 *
 * <p>A smaller threshold prunes less and errs less; the rate of wrongly pruning a trial that is in
 * fact as good as the best is about pThreshold per check. Immutable and thread-safe.
 */
public final class WilcoxonPruner implements Pruner {
  private final double pThreshold;
  private final int startupSteps;

  WilcoxonPruner(double pThreshold, int startupSteps) {
    requireArgument(
        pThreshold > 0 && pThreshold < 1,
        "0 < p_threshold < 1 must hold, but got p_threshold=%s",
        pThreshold);
    requireArgument(
        startupSteps >= 0, "startup_steps >= 0 must hold, but got startup_steps=%s", startupSteps);
    this.pThreshold = pThreshold;
    this.startupSteps = startupSteps;
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    requireState(
        !study.isMultiObjective(),
        "%s needs a single-objective study, but '%s' has %s objectives",
        this,
        study.name(),
        study.directions().size());
    if (trial.intermediateValues().size() < Math.max(1, startupSteps)) {
      return false;
    }
    Optional<FrozenTrial> best = study.bestTrial();
    if (best.isEmpty()) {
      return false;
    }
    StudyDirection dir = study.direction();
    Map<Integer, Double> reference = best.get().intermediateValues();
    List<Double> diffs = new ArrayList<>();
    double sumTrial = 0;
    double sumBest = 0;
    for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
      Double b = reference.get(e.getKey());
      if (b == null) {
        continue;
      }
      double mine = dir.asLoss(e.getValue());
      double theirs = dir.asLoss(b);
      if (!Double.isFinite(mine) || !Double.isFinite(theirs)) {
        return false; // a rank test over infinities says nothing; leave it to other checks
      }
      diffs.add(mine - theirs);
      sumTrial += mine;
      sumBest += theirs;
    }
    if (diffs.isEmpty() || diffs.size() < startupSteps || sumTrial <= sumBest) {
      return false;
    }
    double p = SignedRankTest.pGreater(diffs.stream().mapToDouble(Double::doubleValue).toArray());
    return p < pThreshold;
  }

  @Override
  public String toString() {
    return "WilcoxonPruner(p_threshold=" + pThreshold + ", startup_steps=" + startupSteps + ")";
  }

  /**
   * @return a builder: p threshold 0.1, 2 startup steps
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the Wilcoxon pruner; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private double pThreshold = 0.1;
    private int startupSteps = 2;

    private Builder() {}

    /** Prune when the one-sided test gives p below this (default 0.1). */
    public Builder pThreshold(double p) {
      this.pThreshold = p;
      return this;
    }

    /** No decision before this many paired steps (default 2). */
    public Builder startupSteps(int n) {
      this.startupSteps = n;
      return this;
    }

    /**
     * @throws IllegalArgumentException when pThreshold is outside (0, 1) or startupSteps &lt; 0
     */
    public Pruner build() {
      return new WilcoxonPruner(pThreshold, startupSteps);
    }
  }
}
