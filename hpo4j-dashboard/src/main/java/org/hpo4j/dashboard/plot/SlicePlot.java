package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Slice plot: for each parameter, the objective of every complete trial against that parameter's
 * value, coloured by trial number, to see where along each axis the good values lie.
 *
 * @param objective the index of the objective shown
 * @param direction its direction
 * @param panels one per parameter, in order of first appearance
 */
public record SlicePlot(int objective, StudyDirection direction, List<Panel> panels) {

  /**
   * @param axis the parameter's axis
   * @param x its coordinate in each trial that used it
   * @param y the objective value of that trial
   * @param numbers the trial numbers
   * @param total trials that used the parameter (more than shown in a thinned huge study)
   */
  public record Panel(Axis axis, List<Double> x, List<Double> y, List<Integer> numbers, int total) {
    /** Copies the lists. */
    public Panel {
      x = List.copyOf(x);
      y = List.copyOf(y);
      numbers = List.copyOf(numbers);
    }
  }

  /** Copies the list. */
  public SlicePlot {
    panels = List.copyOf(panels);
  }

  /**
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static SlicePlot of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    List<FrozenTrial> all = PlotTrials.completeFinite(trials, objective);
    StudyDirection dir = directions.get(objective);
    List<FrozenTrial> complete =
        Thin.keepBest(all, Thin.MAX_POINTS / 2, t -> dir.asLoss(t.values().get(objective)));
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, Distribution> e : PlotTrials.space(complete).entrySet()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Integer> n = new ArrayList<>();
      for (FrozenTrial t : complete) {
        Double internal = t.internalParams().get(e.getKey());
        if (internal != null) {
          x.add(PlotTrials.coordinate(e.getValue(), internal));
          y.add(t.values().get(objective));
          n.add(t.number());
        }
      }
      int total =
          complete == all
              ? x.size()
              : (int) all.stream().filter(t -> t.internalParams().containsKey(e.getKey())).count();
      panels.add(new Panel(Axis.of(e.getKey(), e.getValue()), x, y, n, total));
    }
    return new SlicePlot(objective, directions.get(objective), panels);
  }
}
