package org.hpo4j.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.trial.FrozenTrial;

/**
 * A trial's own page: its row, its learning curve, every system attribute (as text), the trials it
 * re-ran or that re-ran it, and its note.
 *
 * @param row the table row (params, values, state, fail reason)
 * @param steps reported steps, increasing
 * @param intermediate the value reported at each step (null where not finite)
 * @param systemAttrs system attributes as strings
 * @param retries numbers of the other trials of the same retry chain (re-runs after a dead worker)
 * @param start start time (ISO-8601) or null
 * @param complete end time (ISO-8601) or null
 * @param note the trial's note
 * @param study the study's name
 * @param objectiveLabels one label per objective
 */
public record TrialDetail(
    TrialRow row,
    List<Integer> steps,
    List<Double> intermediate,
    Map<String, String> systemAttrs,
    List<Integer> retries,
    String start,
    String complete,
    Notes.Note note,
    String study,
    List<String> objectiveLabels) {

  static TrialDetail of(
      FrozenTrial t,
      List<FrozenTrial> all,
      Map<String, Object> studyAttrs,
      String study,
      List<String> labels) {
    List<Integer> steps = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    t.intermediateValues()
        .forEach(
            (k, v) -> {
              steps.add(k);
              values.add(Double.isFinite(v) ? v : null);
            });
    Map<String, String> sys = new LinkedHashMap<>();
    t.systemAttrs().forEach((k, v) -> sys.put(k, String.valueOf(v)));
    // A retry chain: trials that name this one as retry_of, and the one it re-runs, transitively.
    List<Integer> chain = new ArrayList<>();
    int root = t.number();
    Map<Integer, Integer> parent = new LinkedHashMap<>();
    for (FrozenTrial o : all) {
      if (o.systemAttrs().get("retry_of") instanceof Number n) {
        parent.put(o.number(), n.intValue());
      }
    }
    while (parent.containsKey(root) && chain.size() < all.size()) {
      root = parent.get(root);
      chain.add(root);
    }
    for (Map.Entry<Integer, Integer> e : parent.entrySet()) {
      int r = e.getKey();
      int guard = 0;
      while (parent.containsKey(r) && guard++ < all.size()) {
        r = parent.get(r);
      }
      if (r == root && e.getKey() != t.number() && !chain.contains(e.getKey())) {
        chain.add(e.getKey());
      }
    }
    chain.sort(Integer::compare);
    return new TrialDetail(
        TrialRow.of(t),
        steps,
        values,
        sys,
        chain,
        t.start() == null ? null : t.start().toString(),
        t.complete() == null ? null : t.complete().toString(),
        Notes.read(studyAttrs, t.id()),
        study,
        labels);
  }
}
