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
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.dashboard.plot.ImportancePlot;
import org.hpo4j.dashboard.plot.IntermediatePlot;
import org.hpo4j.dashboard.plot.ParetoPlot;
import org.hpo4j.dashboard.plot.Thin;
import org.hpo4j.dashboard.plot.TimelinePlot;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Everything a page shows about one study, computed from one read of the storage. The plots of each
 * objective are in {@link #objectives}, so every plot of a multi-objective page can switch
 * objective; contours, the GP view and the importance ranking that picks their parameters follow
 * objective 0. Plot data stays bounded on huge studies: each plot carries at most a few thousand
 * points (see {@link Thin}), the GP is fitted on at most {@link #GP_TRIALS} trials, and the trials
 * table holds at most {@link #MAX_ROWS} rows (the live dashboard pages the rest from the server).
 *
 * @param name the study's name (user-supplied: shown as text only)
 * @param directions one per objective
 * @param objectiveLabels one label per objective ({@code study:metric_names} when present)
 * @param sampler the sampler that ran the study, or null when the storage does not say
 * @param version changes whenever a trial starts, finishes or reports, so a polling page redraws
 *     only then
 * @param counts trials per state
 * @param objectives the plots of each objective
 * @param intermediate learning curves
 * @param contours contours of pairs among the most important parameters (objective 0)
 * @param timeline trials per worker over time (the latest {@link #MAX_TIMELINE})
 * @param pareto the Pareto plot, or null for one objective
 * @param gp GP views of the most important parameters (empty without a GP source)
 * @param gpNote why there is no GP view, or which trials it was fitted on, or null
 * @param trials table rows: the latest {@link #MAX_ROWS} trials, newest first (empty on the live
 *     page, whose table asks the server)
 * @param note the study's note
 * @param trialNotes notes of trials by number, for the rows carried (only non-empty ones)
 */
public record StudyData(
    String name,
    List<StudyDirection> directions,
    List<String> objectiveLabels,
    String sampler,
    String version,
    Map<TrialState, Integer> counts,
    List<ObjectivePlots> objectives,
    IntermediatePlot intermediate,
    List<ContourPlot> contours,
    TimelinePlot timeline,
    ParetoPlot pareto,
    List<GpViewPlot> gp,
    String gpNote,
    List<TrialRow> trials,
    Notes.Note note,
    Map<Integer, Notes.Note> trialNotes) {
  /** Rows of the report's trials table. */
  public static final int MAX_ROWS = 2000;

  /** Contours are drawn for pairs among this many top parameters. */
  static final int CONTOUR_PARAMS = 4;

  /** GP views are drawn for this many top parameters. */
  static final int GP_PARAMS = 3;

  /** Complete trials a GP view is fitted on at most: its cost grows with the cube of this. */
  static final int GP_TRIALS = 150;

  /** Trials a contour interpolates at most. */
  static final int CONTOUR_TRIALS = 2000;

  /** Bars of the timeline at most (the latest). */
  static final int MAX_TIMELINE = 2000;

  /** Columns and rows of a contour over a continuous parameter. */
  static final int GRID = 30;

  /**
   * Reads a study and computes every plot, with the report's table rows.
   *
   * @param gpSource where GP views come from ({@link GpViewSource#none()} for none)
   * @param now the current time (for running trials on the timeline)
   * @throws IllegalArgumentException when no study has that name
   */
  public static StudyData of(
      Storage storage, String studyName, GpViewSource gpSource, Instant now) {
    long id =
        storage
            .findStudy(studyName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "study '" + studyName + "' does not exist in this storage"));
    return of(
        new SnapshotView(studyName, storage.directions(id), storage.trials(id, null)),
        storage.studySystemAttrs(id),
        gpSource,
        now,
        MAX_ROWS);
  }

  static StudyData of(
      SnapshotView study,
      Map<String, Object> attrs,
      GpViewSource gpSource,
      Instant now,
      int rowCap) {
    List<FrozenTrial> trials = study.all();
    List<StudyDirection> dirs = study.directions();
    List<String> labels = StudyAttrs.objectiveLabels(attrs, dirs.size());
    String sampler = StudyAttrs.sampler(attrs);
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialState s : TrialState.values()) {
      counts.put(s, 0);
    }
    trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    List<ObjectivePlots> objectives = new ArrayList<>();
    for (int k = 0; k < dirs.size(); k++) {
      objectives.add(ObjectivePlots.of(trials, dirs, k, labels.get(k)));
    }
    StudyDirection dir0 = dirs.get(0);
    List<FrozenTrial> complete =
        study.completeTrials().stream()
            .filter(t -> !t.values().isEmpty() && Double.isFinite(t.values().get(0)))
            .toList();
    List<String> ranked = ranked(objectives.get(0).importance(), complete);
    List<FrozenTrial> contourTrials =
        Thin.keepBest(complete, CONTOUR_TRIALS, t -> dir0.asLoss(t.values().get(0)));
    List<ContourPlot> contours = new ArrayList<>();
    List<String> top = ranked.subList(0, Math.min(CONTOUR_PARAMS, ranked.size()));
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        contours.add(ContourPlot.of(contourTrials, dirs, 0, top.get(i), top.get(j), GRID));
      }
    }
    List<GpViewPlot> gp = new ArrayList<>();
    String gpNote = null;
    if (dirs.size() == 1) {
      // A bounded subset: the best trials (where the interesting part of the surface is) and an
      // even
      // stride through the rest, so the fit costs the same at 100,000 trials as at 300.
      List<FrozenTrial> fitOn =
          Thin.keepBest(complete, GP_TRIALS, t -> dir0.asLoss(t.values().get(0)));
      SnapshotView gpView = fitOn == complete ? study : new SnapshotView(study.name(), dirs, fitOn);
      for (String p : ranked.subList(0, Math.min(GP_PARAMS, ranked.size()))) {
        try {
          Optional<GpViewPlot> v = gpSource.view(gpView, p, sampler);
          v.ifPresent(gp::add);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
          gpNote = "the GP view failed: " + e;
        }
      }
      if (gp.isEmpty() && gpNote == null) {
        gpNote =
            "no GP view: no GP model is available for this study yet (too few complete trials, or none wired)";
      } else if (gpNote == null && fitOn != complete) {
        gpNote =
            "fitted on "
                + fitOn.size()
                + " of the "
                + complete.size()
                + " complete trials (the best "
                + Math.max(1, GP_TRIALS / 10)
                + " and an even stride through the rest)";
      }
    } else {
      gpNote = "no GP view: the study has several objectives";
    }
    List<TrialRow> rows = new ArrayList<>();
    Map<Integer, Notes.Note> trialNotes = new java.util.TreeMap<>();
    for (int i = trials.size() - 1; i >= 0 && rows.size() < rowCap; i--) {
      FrozenTrial t = trials.get(i);
      rows.add(TrialRow.of(t));
      Notes.Note n = Notes.read(attrs, t.id());
      if (!n.body().isEmpty()) {
        trialNotes.put(t.number(), n);
      }
    }
    List<FrozenTrial> timed =
        trials.size() <= MAX_TIMELINE
            ? trials
            : trials.subList(trials.size() - MAX_TIMELINE, trials.size());
    return new StudyData(
        study.name(),
        dirs,
        labels,
        sampler,
        version(trials),
        counts,
        objectives,
        IntermediatePlot.of(trials),
        contours,
        TimelinePlot.of(timed, now),
        dirs.size() > 1 ? ParetoPlot.of(trials, dirs) : null,
        gp,
        gpNote,
        rows,
        Notes.read(attrs, null),
        trialNotes);
  }

  /** Parameters by importance, then any the importance could not rate, in order of appearance. */
  private static List<String> ranked(ImportancePlot importance, List<FrozenTrial> complete) {
    Set<String> names = new LinkedHashSet<>();
    importance.entries().forEach(e -> names.add(e.param()));
    for (FrozenTrial t : complete) {
      names.addAll(t.internalParams().keySet());
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
