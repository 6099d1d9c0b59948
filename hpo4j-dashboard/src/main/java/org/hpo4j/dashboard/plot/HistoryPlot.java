package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Optimisation history: the value of every complete trial in trial order and the best value found
 * so far, which never gets worse. The first plot anyone looks at: is the search still improving?
 *
 * @param objective the index of the objective shown
 * @param direction its direction
 * @param points complete trials with a finite value, by number
 * @param bestSoFar for each point, the best value among it and the points before it
 */
public record HistoryPlot(int objective, StudyDirection direction, List<Point> points, List<Double> bestSoFar) {

  /** One complete trial. */
  public record Point(int number, double value) {}

  /** Copies the lists. */
  public HistoryPlot {
    points = List.copyOf(points);
    bestSoFar = List.copyOf(bestSoFar);
  }

  /**
   * @param trials the study's trials, any states, by number
   * @param directions one per objective
   * @param objective which objective to show
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static HistoryPlot of(List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s", directions.size(), objective);
    StudyDirection dir = directions.get(objective);
    List<Point> points = new ArrayList<>();
    List<Double> best = new ArrayList<>();
    double b = Double.NaN;
    for (FrozenTrial t : PlotTrials.completeFinite(trials, objective)) {
      double v = t.values().get(objective);
      b = points.isEmpty() || dir.better(v, b) ? v : b;
      points.add(new Point(t.number(), v));
      best.add(b);
    }
    return new HistoryPlot(objective, dir, points, best);
  }
}
