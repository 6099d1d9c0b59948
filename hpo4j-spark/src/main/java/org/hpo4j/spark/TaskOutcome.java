package org.hpo4j.spark;

import java.io.Serializable;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * What one Spark task sends back to the driver: the trial it finished (the storage has the rest).
 *
 * @param trialNumber the trial's number in the study
 * @param state its final state
 * @param value its value (NaN when it has none)
 * @param attempt the Spark task attempt that ran it (0 unless Spark retried the task)
 * @param failedLost trials of earlier attempts of this task that this attempt marked FAIL
 */
public record TaskOutcome(
    int trialNumber, TrialState state, double value, int attempt, int failedLost)
    implements Serializable {

  static TaskOutcome of(FrozenTrial t, int attempt, int failedLost) {
    double v = t.values() != null && t.values().size() == 1 ? t.values().get(0) : Double.NaN;
    return new TaskOutcome(t.number(), t.state(), v, attempt, failedLost);
  }
}
