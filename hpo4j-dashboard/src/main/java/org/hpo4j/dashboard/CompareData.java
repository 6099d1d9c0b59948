package org.hpo4j.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.dashboard.plot.EdfPlot;
import org.hpo4j.dashboard.plot.HistoryPlot;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Several studies side by side: each one's history (best so far) and EDF of one objective, to
 * overlay samplers or settings on the same problem.
 *
 * @param studies one entry per study asked for, in the order asked
 */
public record CompareData(List<Entry> studies) {

  /**
   * @param name the study
   * @param label the objective's label
   * @param direction its direction
   * @param history its history (thinned for a huge study)
   * @param edf its empirical distribution
   */
  public record Entry(
      String name, String label, StudyDirection direction, HistoryPlot history, EdfPlot edf) {}

  /**
   * @param objective which objective of each study (a study with fewer objectives shows its first)
   * @throws IllegalArgumentException naming the study when one does not exist
   */
  static CompareData of(Storage storage, List<String> names, int objective) {
    List<Entry> out = new ArrayList<>();
    for (String name : names) {
      long id =
          storage
              .findStudy(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "study '" + name + "' does not exist in this storage"));
      List<StudyDirection> dirs = storage.directions(id);
      int k = objective < dirs.size() ? objective : 0;
      List<FrozenTrial> trials = storage.trials(id, null);
      String label = StudyAttrs.objectiveLabels(storage.studySystemAttrs(id), dirs.size()).get(k);
      out.add(
          new Entry(
              name,
              label,
              dirs.get(k),
              HistoryPlot.of(trials, dirs, k),
              EdfPlot.of(trials, dirs, k)));
    }
    return new CompareData(out);
  }
}
