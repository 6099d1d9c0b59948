package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.hpo4j.Experimental;
import org.hpo4j.study.ParetoFront;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/**
 * Multi-objective pruning. Notation: m objectives; x = the trial's intermediate vector at its last
 * step s (reported with {@code Trial.report(s, double[])}); C = the COMPLETE trials that reported a
 * vector at s; q = the percentile.
 *
 * <p>The rule, checked only when the {@link Schedule} allows (startup trials, warm-up, interval)
 * and |C| &gt;= min trials:
 *
 * <ol>
 *   <li>The reference point p has, per objective j, the q-th percentile of C's values at s in the
 *       "best first" order: the q-th percentile when minimising j, the (100 - q)-th when
 *       maximising. With q = 50, p is the per-objective median.
 *   <li>Prune only if p dominates x (no worse in every objective, strictly better in one) ...
 *   <li>... and x is not on the current Pareto front of step s: some other trial of the study, in
 *       any state, reported at s a vector that dominates x. A trial no one beats at its step is
 *       never pruned, even when the synthetic point p beats it.
 * </ol>
 *
 * With one objective this is the percentile rule applied to the value at s (not the best so far),
 * with the best trial at each step protected.
 *
 * <p>Immutable and thread-safe.
 */
@Experimental
public final class ParetoPercentilePruner implements Pruner {
  private final double percentile;
  private final Schedule schedule;

  ParetoPercentilePruner(double percentile, Schedule schedule) {
    requireArgument(
        percentile >= 0 && percentile <= 100,
        "0 <= percentile <= 100 must hold, but got percentile=%s",
        percentile);
    this.percentile = percentile;
    this.schedule = schedule;
  }

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    List<StudyDirection> dirs = study.directions();
    int m = dirs.size();
    SortedMap<Integer, List<Double>> mine = IntermediateVectors.of(trial, m);
    if (mine.isEmpty() || !schedule.stepAllows(trial)) {
      return false;
    }
    int step = mine.lastKey();
    if (step != trial.lastStep()) {
      return false; // the last report was scalar only: nothing to compare at that step
    }
    List<Double> x = mine.get(step);
    List<List<Double>> complete = new ArrayList<>();
    boolean dominatedByAnyone = false;
    int completeCount = 0;
    for (FrozenTrial t : study.trials()) {
      boolean isComplete = t.state() == org.hpo4j.trial.TrialState.COMPLETE;
      completeCount += isComplete ? 1 : 0;
      if (t.number() == trial.number()) {
        continue;
      }
      List<Double> y = IntermediateVectors.at(t, step, m);
      if (y == null) {
        continue;
      }
      if (isComplete) {
        complete.add(y);
      }
      dominatedByAnyone |= ParetoFront.dominates(y, x, dirs);
    }
    if (!schedule.enoughCompleted(completeCount)
        || !dominatedByAnyone
        || complete.size() < schedule.minTrials()) {
      return false;
    }
    List<Double> reference = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      double[] col = new double[complete.size()];
      for (int i = 0; i < col.length; i++) {
        col[i] = complete.get(i).get(j);
      }
      double q = dirs.get(j) == StudyDirection.MINIMIZE ? percentile : 100.0 - percentile;
      reference.add(Stats.percentile(col, q));
    }
    return ParetoFront.dominates(reference, x, dirs);
  }

  @Override
  public String toString() {
    return "ParetoPercentilePruner(" + percentile + ", " + schedule + ")";
  }

  /**
   * @return a builder with the defaults of {@link PercentileBuilder} (percentile 50)
   */
  public static PercentileBuilder builder() {
    return new PercentileBuilder(ParetoPercentilePruner::new);
  }
}
