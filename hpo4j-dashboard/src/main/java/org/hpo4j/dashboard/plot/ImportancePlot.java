package org.hpo4j.dashboard.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.dashboard.importance.Importance;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Parameter importances as horizontal bars, largest first (see {@link Importance}).
 *
 * @param objective the index of the objective rated
 * @param method how the importances were computed
 * @param entries one per parameter, largest first; empty with too few complete trials
 */
public record ImportancePlot(int objective, String method, List<Entry> entries) {

  /** A parameter's share of importance, in [0, 1]. */
  public record Entry(String param, double importance) {}

  /** Copies the list. */
  public ImportancePlot {
    entries = List.copyOf(entries);
  }

  /** Trials the importances are computed from at most (an even stride through a bigger study). */
  public static final int MAX_TRIALS = 5000;

  /**
   * Importances of a study; past {@link #MAX_TRIALS} trials, of an even stride through them: the
   * top tenth and the whole are then both estimated from that sample, which ranks parameters as the
   * full study does at a fraction of the cost.
   *
   * @throws IllegalArgumentException when objective is not in [0, directions.size())
   */
  public static ImportancePlot of(
      List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    List<Entry> entries = new ArrayList<>();
    List<FrozenTrial> rated = Thin.stride(PlotTrials.completeFinite(trials, objective), MAX_TRIALS);
    for (Map.Entry<String, Double> e : Importance.of(rated, directions, objective).entrySet()) {
      entries.add(new Entry(e.getKey(), e.getValue()));
    }
    return new ImportancePlot(objective, "PED-ANOVA (top 10% vs all)", entries);
  }
}
