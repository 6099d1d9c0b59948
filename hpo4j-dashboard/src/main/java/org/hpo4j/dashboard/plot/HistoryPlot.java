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
 * @param bestSoFar for each point, the best value among it and the points before it (over every
 *     trial, shown or not)
 * @param total complete trials with a finite value; more than {@code points.size()} when a huge
 *     study was thinned to every improvement of the best plus an even stride ({@link Thin})
 */
public record HistoryPlot(
    int objective,
    StudyDirection direction,
    List<Point> points,
    List<Double> bestSoFar,
    int total) {

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
  public static HistoryPlot of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    StudyDirection dir = directions.get(objective);
    List<FrozenTrial> complete = PlotTrials.completeFinite(trials, objective);
    int n = complete.size();
    java.util.BitSet keep = new java.util.BitSet(n);
    double[] bests = new double[n];
    double b = Double.NaN;
    for (int i = 0; i < n; i++) {
      double v = complete.get(i).values().get(objective);
      if (i == 0 || dir.better(v, b)) {
        b = v;
        keep.set(i);
      }
      bests[i] = b;
    }
    int stride = Math.max(1, (n + Thin.MAX_POINTS - 1) / Thin.MAX_POINTS);
    for (int i = 0; i < n; i += stride) {
      keep.set(i);
    }
    if (n > 0) {
      keep.set(n - 1);
    }
    List<Point> points = new ArrayList<>();
    List<Double> best = new ArrayList<>();
    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
      points.add(new Point(complete.get(i).number(), complete.get(i).values().get(objective)));
      best.add(bests[i]);
    }
    return new HistoryPlot(objective, dir, points, best, n);
  }
}
