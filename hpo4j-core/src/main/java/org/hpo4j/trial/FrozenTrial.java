package org.hpo4j.trial;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;

/**
 * Immutable record of one trial: what samplers, pruners and reports see. A FrozenTrial never
 * changes after a later write to the storage; a new snapshot is returned instead.
 *
 * @param number 0-based position of the trial in its study
 * @param id storage-wide identifier
 * @param state life-cycle state
 * @param internalParams internal values by parameter name, in the order they were suggested: what
 *     samplers compute with (a categorical is the index of its choice); {@link #params()} gives the
 *     user values
 * @param distributions the distribution of each parameter
 * @param values objective values (one per direction) once COMPLETE, the last intermediate value
 *     when PRUNED, empty otherwise
 * @param intermediateValues values reported by step
 * @param userAttrs attributes set by the objective
 * @param systemAttrs attributes set by hpo4j (failure reason, retried trial, grid index, ...)
 * @param start when the trial started running, or null while WAITING
 * @param complete when it finished, or null
 */
public record FrozenTrial(
    int number,
    long id,
    TrialState state,
    Map<String, Double> internalParams,
    Map<String, Distribution> distributions,
    List<Double> values,
    SortedMap<Integer, Double> intermediateValues,
    Map<String, Object> userAttrs,
    Map<String, Object> systemAttrs,
    Instant start,
    Instant complete) {

  /**
   * Copies every collection so that the record stays immutable; parameter order is kept. The copy
   * is compact: names and distributions live in a {@link ParamLayout} shared with every trial of
   * the same parameters, the values in one array, and empty collections are shared constants, so a
   * finished trial of 8 floats weighs a few hundred bytes, not kilobytes.
   */
  public FrozenTrial {
    ParamLayout layout =
        internalParams instanceof CompactParams c && c.layout.distributionMap.equals(distributions)
            ? c.layout
            : ParamLayout.of(internalParams, distributions);
    if (layout == null) {
      internalParams = Collections.unmodifiableMap(new LinkedHashMap<>(internalParams));
      distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    } else {
      if (!(internalParams instanceof CompactParams c && c.layout == layout)) {
        internalParams = new CompactParams(layout, internalParams);
      }
      distributions = layout.distributionMap;
    }
    values = List.copyOf(values);
    intermediateValues =
        intermediateValues.isEmpty()
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
    userAttrs = copy(userAttrs);
    systemAttrs = copy(systemAttrs);
  }

  private static Map<String, Object> copy(Map<String, Object> attrs) {
    return attrs.isEmpty()
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
  }

  /**
   * @return the single objective value
   * @throws IllegalStateException when the trial has no value or several
   */
  public double value() {
    if (values.size() != 1) {
      throw new IllegalStateException(
          "trial "
              + number
              + " has "
              + values.size()
              + " values (state "
              + state
              + "); value() needs exactly one");
    }
    return values.get(0);
  }

  /**
   * @return the user value of a parameter (Double, Long or the categorical choice), or null
   */
  public Object param(String name) {
    Double internal = internalParams.get(name);
    return internal == null ? null : distributions.get(name).toExternal(internal);
  }

  /**
   * @return every parameter as its user value (a Double, a Long or the categorical choice itself),
   *     in suggestion order; {@link #internalParams()} gives the doubles samplers compute with
   */
  public Map<String, Object> params() {
    Map<String, Object> out = new LinkedHashMap<>();
    internalParams.forEach((k, v) -> out.put(k, distributions.get(k).toExternal(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * @return the deepest reported step, or -1 when nothing was reported
   */
  public int lastStep() {
    return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
  }

  /**
   * @return wall-clock duration, or null while unfinished
   */
  public java.time.Duration duration() {
    return start == null || complete == null ? null : java.time.Duration.between(start, complete);
  }
}
