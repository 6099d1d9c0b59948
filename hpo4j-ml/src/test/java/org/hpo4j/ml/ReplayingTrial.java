package org.hpo4j.ml;

import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FixedTrial;

/**
 * Answers every suggest call with a given value (checked against its distribution by a {@link
 * FixedTrial}, as a refit would) and records the values, the reports and the attributes like {@link
 * RecordingTrial}: the objective under test then trains exactly one chosen configuration.
 */
public class ReplayingTrial extends RecordingTrial {
  private final FixedTrial fixed;

  public ReplayingTrial(Map<String, Object> values) {
    this(values, Integer.MAX_VALUE);
  }

  /**
   * @param pruneAfterReports asks to prune once this many values were reported
   */
  public ReplayingTrial(Map<String, Object> values, int pruneAfterReports) {
    super(0, pruneAfterReports);
    fixed = FixedTrial.of(values);
  }

  @Override
  protected Object draw(String name, Distribution d) {
    return fixed.suggest(name, d);
  }
}
