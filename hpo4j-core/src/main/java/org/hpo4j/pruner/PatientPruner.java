package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Gives a trial patience: it may be pruned only once it has stagnated, that is when none of its
 * last {@code patience + 1} reported values improves on the best value reported before them by more
 * than {@code minDelta}. A stagnant trial is then pruned if the wrapped pruner agrees (or at once
 * when there is none). Useful when curves are noisy or plateau before improving again.
 *
 * <p>Immutable; thread-safe when the wrapped pruner is.
 */
public final class PatientPruner implements Pruner {
  private final Pruner wrapped;
  private final int patience;
  private final double minDelta;

  /**
   * @param wrapped the pruner consulted for stagnant trials, or null to prune on stagnation alone
   */
  PatientPruner(Pruner wrapped, int patience, double minDelta) {
    requireArgument(patience >= 0, "patience >= 0 must hold, but got patience=%s", patience);
    requireArgument(
        minDelta >= 0 && Double.isFinite(minDelta),
        "min_delta must be finite and >= 0, but got min_delta=%s",
        minDelta);
    this.wrapped = wrapped;
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    org.hpo4j.Checks.requireState(
        !study.isMultiObjective(),
        "%s needs a single-objective study, but '%s' has %s" + " objectives",
        this,
        study.name(),
        study.directions().size());
    if (!stagnant(trial, study.direction())) {
      return false;
    }
    return wrapped == null || wrapped.shouldPrune(study, trial);
  }

  private boolean stagnant(FrozenTrial trial, StudyDirection dir) {
    List<Double> losses = new ArrayList<>();
    for (double v : trial.intermediateValues().values()) {
      losses.add(dir.asLoss(v));
    }
    int window = patience + 1;
    if (losses.size() <= window) {
      return false;
    }
    double before = Double.POSITIVE_INFINITY;
    for (int i = 0; i < losses.size() - window; i++) {
      before = Math.min(before, losses.get(i));
    }
    double recent = Double.POSITIVE_INFINITY;
    for (int i = losses.size() - window; i < losses.size(); i++) {
      recent = Math.min(recent, losses.get(i));
    }
    return !(recent < before - minDelta);
  }

  @Override
  public String toString() {
    return "PatientPruner("
        + (wrapped == null ? "stagnation only" : wrapped)
        + ", patience="
        + patience
        + ", min_delta="
        + minDelta
        + ")";
  }

  /**
   * @return a builder: patience required, min delta 0, no wrapped pruner (prune on stagnation
   *     alone)
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the patient pruner; checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Pruner wrapped;
    private Integer patience;
    private double minDelta = 0;

    private Builder() {}

    /** The pruner consulted for stagnant trials (default none: prune on stagnation alone). */
    public Builder wrapped(Pruner pruner) {
      this.wrapped = org.hpo4j.Checks.requireNonNull(pruner, "wrapped");
      return this;
    }

    /** Reports without improvement, minus one, before a trial counts as stagnant (required). */
    public Builder patience(int n) {
      this.patience = n;
      return this;
    }

    /** The least change that counts as an improvement (default 0). */
    public Builder minDelta(double delta) {
      this.minDelta = delta;
      return this;
    }

    /**
     * @throws IllegalArgumentException when patience is missing or &lt; 0, or minDelta &lt; 0
     */
    public Pruner build() {
      requireArgument(patience != null, "the patient pruner needs patience (an integer >= 0)");
      return new PatientPruner(wrapped, patience, minDelta);
    }
  }
}
