package org.hpo4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The closing table of a single-objective run: the best complete trials, one row each, with their
 * value, the spread of the value across folds when the objective recorded one ({@code cv_std}), the
 * duration and every parameter as a column, so that a reader sees how stable the top is.
 */
final class TopTrials {
  /** The user attribute a cross-validating objective sets to the standard deviation over folds. */
  static final String CV_STD = "cv_std";

  private TopTrials() {}

  /** The best {@code limit} complete trials, best first; ties by trial number. */
  static List<FrozenTrial> top(List<FrozenTrial> trials, StudyDirection direction, int limit) {
    Comparator<FrozenTrial> byValue = Comparator.comparingDouble(FrozenTrial::value);
    if (direction == StudyDirection.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    return trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE)
        .sorted(byValue.thenComparingInt(FrozenTrial::number))
        .limit(limit)
        .toList();
  }

  /** Prints {@code rows} as an aligned table under a one-line title. */
  static void print(List<FrozenTrial> rows, String valueName, PrintWriter out) {
    if (rows.isEmpty()) {
      return;
    }
    Set<String> params = new LinkedHashSet<>();
    rows.forEach(t -> params.addAll(t.internalParams().keySet()));
    boolean withStd = rows.stream().anyMatch(t -> t.userAttrs().get(CV_STD) instanceof Number);
    List<String> header = new ArrayList<>(List.of("rank", "trial", valueName));
    if (withStd) {
      header.add("+-" + CV_STD);
    }
    header.add("seconds");
    header.addAll(params);
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    int rank = 1;
    for (FrozenTrial t : rows) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(rank++));
      row.add(Integer.toString(t.number()));
      row.add(String.format(Locale.ROOT, "%.6g", t.value()));
      if (withStd) {
        row.add(
            t.userAttrs().get(CV_STD) instanceof Number n
                ? String.format(Locale.ROOT, "%.4f", n.doubleValue())
                : "");
      }
      row.add(
          t.duration() == null
              ? ""
              : String.format(Locale.ROOT, "%.1f", t.duration().toMillis() / 1000.0));
      for (String p : params) {
        Object v = t.param(p);
        row.add(
            v == null
                ? "-"
                : v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v.toString());
      }
      cells.add(row);
    }
    int[] width = new int[header.size()];
    for (List<String> row : cells) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    out.printf("top %d trials:%n", rows.size());
    for (List<String> row : cells) {
      StringBuilder b = new StringBuilder(" ");
      for (int c = 0; c < row.size(); c++) {
        b.append(' ').append(" ".repeat(width[c] - row.get(c).length())).append(row.get(c));
      }
      out.println(b);
    }
  }
}
