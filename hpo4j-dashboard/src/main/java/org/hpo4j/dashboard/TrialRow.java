package org.hpo4j.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * One line of the trials table, with every user-supplied value already turned into a string (the
 * page shows them as text, never as markup).
 *
 * @param number trial number
 * @param id the trial's storage id (what notes are keyed by)
 * @param state its state
 * @param values objective values (empty unless finished with values; non-finite ones are null)
 * @param params user values of the parameters, as strings, in suggestion order
 * @param userAttrs user attributes, as strings
 * @param durationMillis wall-clock duration, or null while unfinished
 * @param failReason why a FAIL trial failed (the {@code fail_reason} system attribute), or null
 * @param retryOf the number of the trial this one re-runs (its worker died), or null
 */
public record TrialRow(
    int number,
    long id,
    TrialState state,
    List<Double> values,
    Map<String, String> params,
    Map<String, String> userAttrs,
    Long durationMillis,
    String failReason,
    Integer retryOf) {

  /** Copies the collections. */
  public TrialRow {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    userAttrs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
  }

  /**
   * @return the row of a trial; non-finite values become null so the JSON stays valid
   */
  public static TrialRow of(FrozenTrial t) {
    Map<String, String> params = new LinkedHashMap<>();
    t.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
    Map<String, String> attrs = new LinkedHashMap<>();
    t.userAttrs().forEach((k, v) -> attrs.put(k, String.valueOf(v)));
    List<Double> values = t.values().stream().map(v -> Double.isFinite(v) ? v : null).toList();
    Object reason = t.systemAttrs().get("fail_reason");
    Integer retryOf = t.systemAttrs().get("retry_of") instanceof Number n ? n.intValue() : null;
    return new TrialRow(
        t.number(),
        t.id(),
        t.state(),
        values,
        params,
        attrs,
        t.duration() == null ? null : t.duration().toMillis(),
        reason == null ? null : String.valueOf(reason),
        retryOf);
  }

  /**
   * @return whether the state is {@link TrialState#FAIL} (for readers of the JSON)
   */
  public boolean failed() {
    return state == TrialState.FAIL;
  }
}
