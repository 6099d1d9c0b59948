package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Empirical distribution of the objective: the fraction of complete trials whose value is at most
 * each value. Compares samplers or studies at a glance: a curve rising early (when minimising)
 * means many good trials.
 *
 * @param objective the index of the objective shown
 * @param direction its direction
 * @param values the finite values, ascending
 * @param cumulative for each value, the fraction of trials at or below it, in (0, 1]
 * @param total complete trials with a finite value (a huge study keeps {@link #MAX_STEPS} evenly
 *     spaced steps of its curve, which looks the same)
 */
public record EdfPlot(
    int objective,
    StudyDirection direction,
    List<Double> values,
    List<Double> cumulative,
    int total) {
  /** Steps of the curve carried at most. */
  public static final int MAX_STEPS = 1000;

  /** Copies the lists. */
  public EdfPlot {
    values = List.copyOf(values);
    cumulative = List.copyOf(cumulative);
  }

  /**
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static EdfPlot of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    double[] v =
        PlotTrials.completeFinite(trials, objective).stream()
            .mapToDouble(t -> t.values().get(objective))
            .sorted()
            .toArray();
    List<Double> values = new ArrayList<>();
    List<Double> cum = new ArrayList<>();
    int step = Math.max(1, (v.length + MAX_STEPS - 1) / MAX_STEPS);
    for (int i = 0; i < v.length; i++) {
      if (i % step == 0 || i == v.length - 1) {
        values.add(v[i]);
        cum.add((i + 1) / (double) v.length);
      }
    }
    return new EdfPlot(objective, directions.get(objective), values, cum, v.length);
  }
}
