package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireState;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the
 * values the COMPLETE trials reported at the same step (the median pruner is the 50th). For a
 * maximised objective "worse" means below the (100 - p)-th percentile, so p = 25 always keeps the
 * best quarter. No decision before the {@link Schedule} allows it, nor when fewer than {@code
 * minTrials} COMPLETE trials reported this step.
 *
 * <p>Immutable and thread-safe.
 */
public final class PercentilePruner implements Pruner {
  private final double percentile;
  private final Schedule schedule;

  PercentilePruner(double percentile, Schedule schedule) {
    requireArgument(
        percentile >= 0 && percentile <= 100,
        "0 <= percentile <= 100 must hold, but got percentile=%s",
        percentile);
    this.percentile = percentile;
    this.schedule = schedule;
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    requireState(
        !study.isMultiObjective(),
        "%s needs a single-objective study, but '%s' has %s objectives;"
            + " use ParetoPercentilePruner for several",
        this,
        study.name(),
        study.directions().size());
    if (!schedule.stepAllows(trial)) {
      return false;
    }
    List<FrozenTrial> complete = study.completeTrials();
    if (!schedule.enoughCompleted(complete.size())) {
      return false;
    }
    int step = trial.lastStep();
    StudyDirection dir = study.direction();
    List<Double> atStep = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double v = t.intermediateValues().get(step);
      if (v != null && t.number() != trial.number()) {
        atStep.add(v);
      }
    }
    if (atStep.size() < schedule.minTrials()) {
      return false;
    }
    double[] xs = atStep.stream().mapToDouble(Double::doubleValue).toArray();
    double q = dir == StudyDirection.MINIMIZE ? percentile : 100.0 - percentile;
    double cut = Stats.percentile(xs, q);
    return dir.better(cut, bestSoFar(trial, dir));
  }

  /** The best of the trial's intermediate values: a slow start is not held against it. */
  static double bestSoFar(FrozenTrial trial, StudyDirection dir) {
    double best = Double.NaN;
    for (double v : trial.intermediateValues().values()) {
      if (Double.isNaN(best) || dir.better(v, best)) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "PercentilePruner(" + percentile + ", " + schedule + ")";
  }

  /**
   * @return a builder with the defaults of {@link PercentileBuilder} (percentile 50)
   */
  public static PercentileBuilder builder() {
    return new PercentileBuilder(PercentilePruner::new);
  }
}
