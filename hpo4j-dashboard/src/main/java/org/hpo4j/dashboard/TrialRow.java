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
 * @param state its state
 * @param values objective values (empty unless finished with values)
 * @param params user values of the parameters, as strings, in suggestion order
 * @param userAttrs user attributes, as strings
 * @param durationMillis wall-clock duration, or null while unfinished
 */
public record TrialRow(int number, TrialState state, List<Double> values, Map<String, String> params,
    Map<String, String> userAttrs, Long durationMillis) {

  /** Copies the collections. */
  public TrialRow {
    values = List.copyOf(values);
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    userAttrs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
  }

  /** @return the row of a trial; non-finite values are dropped so the JSON stays valid */
  public static TrialRow of(FrozenTrial t) {
    Map<String, String> params = new LinkedHashMap<>();
    t.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
    Map<String, String> attrs = new LinkedHashMap<>();
    t.userAttrs().forEach((k, v) -> attrs.put(k, String.valueOf(v)));
    List<Double> values = t.values().stream().filter(Double::isFinite).toList();
    return new TrialRow(t.number(), t.state(), values, params, attrs,
        t.duration() == null ? null : t.duration().toMillis());
  }
}
