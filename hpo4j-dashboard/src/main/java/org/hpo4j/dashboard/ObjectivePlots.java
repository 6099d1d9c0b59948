package org.hpo4j.dashboard;

import java.util.List;
import org.hpo4j.dashboard.plot.EdfPlot;
import org.hpo4j.dashboard.plot.HistoryPlot;
import org.hpo4j.dashboard.plot.ImportancePlot;
import org.hpo4j.dashboard.plot.ParallelCoordinatesPlot;
import org.hpo4j.dashboard.plot.SlicePlot;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * The plots of one objective, so that each plot of a multi-objective page can show whichever
 * objective the user picks. The rank plot is drawn from the parallel-coordinates lines.
 *
 * @param index the objective's index
 * @param label its name ({@code study:metric_names}) or "objective I"
 */
public record ObjectivePlots(
    int index,
    String label,
    HistoryPlot history,
    SlicePlot slice,
    EdfPlot edf,
    ParallelCoordinatesPlot parallel,
    ImportancePlot importance) {

  static ObjectivePlots of(
      List<FrozenTrial> trials, List<StudyDirection> dirs, int k, String label) {
    return new ObjectivePlots(
        k,
        label,
        HistoryPlot.of(trials, dirs, k),
        SlicePlot.of(trials, dirs, k),
        EdfPlot.of(trials, dirs, k),
        ParallelCoordinatesPlot.of(trials, dirs, k),
        ImportancePlot.of(trials, dirs, k));
  }
}
