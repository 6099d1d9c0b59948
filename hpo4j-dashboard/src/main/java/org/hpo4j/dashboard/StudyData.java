package org.hpo4j.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.dashboard.plot.ContourPlot;
import org.hpo4j.dashboard.plot.EdfPlot;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.dashboard.plot.HistoryPlot;
import org.hpo4j.dashboard.plot.ImportancePlot;
import org.hpo4j.dashboard.plot.IntermediatePlot;
import org.hpo4j.dashboard.plot.ParallelCoordinatesPlot;
import org.hpo4j.dashboard.plot.ParetoPlot;
import org.hpo4j.dashboard.plot.SlicePlot;
import org.hpo4j.dashboard.plot.TimelinePlot;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Everything a page shows about one study, computed from one read of the storage. Single-objective
 * plots (history, slice, contour, ...) show objective 0; a study with several objectives also gets
 * the Pareto plot.
 *
 * @param name the study's name (user-supplied: shown as text only)
 * @param directions one per objective
 * @param version changes whenever a trial starts, finishes or reports, so a polling page redraws
 *     only then
 * @param counts trials per state
 * @param history optimisation history of objective 0
 * @param intermediate learning curves
 * @param parallel parallel coordinates
 * @param slice slice plot
 * @param contours contours of pairs among the most important parameters
 * @param importance parameter importances
 * @param edf empirical distribution of objective 0
 * @param timeline trials per worker over time
 * @param pareto the Pareto plot, or null for one objective
 * @param gp GP views of the most important parameters (empty without a GP source)
 * @param gpNote why there is no GP view, or null
 * @param trials the latest {@link #MAX_ROWS} trials, newest first
 */
public record StudyData(String name, List<StudyDirection> directions, String version, Map<TrialState, Integer> counts,
    HistoryPlot history, IntermediatePlot intermediate, ParallelCoordinatesPlot parallel, SlicePlot slice,
    List<ContourPlot> contours, ImportancePlot importance, EdfPlot edf, TimelinePlot timeline, ParetoPlot pareto,
    List<GpViewPlot> gp, String gpNote, List<TrialRow> trials) {
  /** Rows of the trials table. */
  public static final int MAX_ROWS = 300;
  /** Contours are drawn for pairs among this many top parameters. */
  static final int CONTOUR_PARAMS = 4;
  /** GP views are drawn for this many top parameters. */
  static final int GP_PARAMS = 3;
  /** Columns and rows of a contour over a continuous parameter. */
  static final int GRID = 30;

  /**
   * Reads a study and computes every plot.
   *
   * @param gpSource where GP views come from ({@link GpViewSource#none()} for none)
   * @param now the current time (for running trials on the timeline)
   * @throws IllegalArgumentException when no study has that name
   */
  public static StudyData of(Storage storage, String studyName, GpViewSource gpSource, Instant now) {
    long id = storage.findStudy(studyName).orElseThrow(() -> new IllegalArgumentException(
        "study '" + studyName + "' does not exist in this storage"));
    return of(new SnapshotView(studyName, storage.directions(id), storage.trials(id, null)), gpSource, now);
  }

  static StudyData of(SnapshotView study, GpViewSource gpSource, Instant now) {
    List<FrozenTrial> trials = study.all();
    List<StudyDirection> dirs = study.directions();
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialState s : TrialState.values()) {
      counts.put(s, 0);
    }
    trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    ImportancePlot importance = ImportancePlot.of(trials, dirs, 0);
    List<String> ranked = ranked(importance, trials);
    List<ContourPlot> contours = new ArrayList<>();
    List<String> top = ranked.subList(0, Math.min(CONTOUR_PARAMS, ranked.size()));
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        contours.add(ContourPlot.of(trials, dirs, 0, top.get(i), top.get(j), GRID));
      }
    }
    List<GpViewPlot> gp = new ArrayList<>();
    String gpNote = null;
    if (dirs.size() == 1) {
      for (String p : ranked.subList(0, Math.min(GP_PARAMS, ranked.size()))) {
        try {
          Optional<GpViewPlot> v = gpSource.view(study, p);
          v.ifPresent(gp::add);
        } catch (RuntimeException e) {
          gpNote = "the GP view failed: " + e.getMessage();
        }
      }
      if (gp.isEmpty() && gpNote == null) {
        gpNote = "no GP view: no GP model is available for this study yet (too few complete trials, or none wired)";
      }
    } else {
      gpNote = "no GP view: the study has several objectives";
    }
    List<TrialRow> rows = new ArrayList<>();
    for (int i = trials.size() - 1; i >= 0 && rows.size() < MAX_ROWS; i--) {
      rows.add(TrialRow.of(trials.get(i)));
    }
    return new StudyData(study.name(), dirs, version(trials), counts, HistoryPlot.of(trials, dirs, 0),
        IntermediatePlot.of(trials), ParallelCoordinatesPlot.of(trials, dirs, 0), SlicePlot.of(trials, dirs, 0),
        contours, importance, EdfPlot.of(trials, dirs, 0), TimelinePlot.of(trials, now),
        dirs.size() > 1 ? ParetoPlot.of(trials, dirs) : null, gp, gpNote, rows);
  }

  /** Parameters by importance, then any the importance could not rate, in order of appearance. */
  private static List<String> ranked(ImportancePlot importance, List<FrozenTrial> trials) {
    Set<String> names = new LinkedHashSet<>();
    importance.entries().forEach(e -> names.add(e.param()));
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        names.addAll(t.internalParams().keySet());
      }
    }
    return new ArrayList<>(names);
  }

  /** A fingerprint of what the plots depend on: trial count, states and reported steps. */
  static String version(List<FrozenTrial> trials) {
    long h = trials.size();
    for (FrozenTrial t : trials) {
      h = h * 31 + t.state().ordinal();
      h = h * 31 + t.intermediateValues().size();
    }
    return trials.size() + "-" + Long.toHexString(h);
  }
}
