package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Parallel coordinates: one polyline per complete trial through the objective and every parameter
 * axis, coloured by the objective, to see which regions of each parameter the good trials share. A
 * conditional parameter that a trial did not use has a null coordinate there.
 *
 * @param objective the index of the objective shown
 * @param direction its direction
 * @param axes one per parameter, in order of first appearance
 * @param lines one per complete trial with a finite value; a huge study keeps {@link #MAX_LINES}
 *     (the best tenth of them and an even stride through the rest)
 * @param total complete trials with a finite value
 */
public record ParallelCoordinatesPlot(
    int objective, StudyDirection direction, List<Axis> axes, List<Line> lines, int total) {
  /** Lines carried at most: more turn into an unreadable, slow-to-draw block of ink. */
  public static final int MAX_LINES = 1500;

  /**
   * @param number trial number
   * @param value the objective value
   * @param coordinates one per axis: the value, the category index, or null when absent
   */
  public record Line(int number, double value, List<Double> coordinates) {
    /** Copies the list, which may hold nulls. */
    public Line {
      coordinates = java.util.Collections.unmodifiableList(new ArrayList<>(coordinates));
    }
  }

  /** Copies the lists. */
  public ParallelCoordinatesPlot {
    axes = List.copyOf(axes);
    lines = List.copyOf(lines);
  }

  /**
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static ParallelCoordinatesPlot of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    List<FrozenTrial> all = PlotTrials.completeFinite(trials, objective);
    StudyDirection dir = directions.get(objective);
    Map<String, Distribution> space = PlotTrials.space(all);
    List<FrozenTrial> complete =
        Thin.keepBest(all, MAX_LINES, t -> dir.asLoss(t.values().get(objective)));
    List<Axis> axes = new ArrayList<>();
    space.forEach((name, d) -> axes.add(Axis.of(name, d)));
    List<Line> lines = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double[] c = new Double[axes.size()];
      int j = 0;
      for (Map.Entry<String, Distribution> e : space.entrySet()) {
        Double internal = t.internalParams().get(e.getKey());
        c[j++] = internal == null ? null : PlotTrials.coordinate(e.getValue(), internal);
      }
      lines.add(new Line(t.number(), t.values().get(objective), Arrays.asList(c)));
    }
    return new ParallelCoordinatesPlot(objective, dir, axes, lines, all.size());
  }
}
