package org.hpo4j.pruner;

import static org.hpo4j.Checks.requireArgument;

import java.util.SortedMap;
import org.hpo4j.trial.FrozenTrial;

/**
 * When a step-comparing pruner may act at all: not before {@code startupTrials} COMPLETE trials,
 * not before step {@code warmupSteps}, and only at the first reported step of each window of {@code
 * intervalSteps} steps counted from the warm-up (so reporting every step with interval 3 checks
 * steps w, w+3, w+6, ...; reporting every 2 steps checks the first report in each window).
 * Immutable.
 */
record Schedule(int startupTrials, int warmupSteps, int intervalSteps, int minTrials) {

  Schedule {
    requireArgument(
        startupTrials >= 0,
        "startup_trials >= 0 must hold, but got startup_trials=%s",
        startupTrials);
    requireArgument(
        warmupSteps >= 0, "warmup_steps >= 0 must hold, but got warmup_steps=%s", warmupSteps);
    requireArgument(
        intervalSteps >= 1,
        "interval_steps >= 1 must hold, but got interval_steps=%s",
        intervalSteps);
    requireArgument(minTrials >= 1, "min_trials >= 1 must hold, but got min_trials=%s", minTrials);
  }

  /**
   * @return whether the step schedule allows a decision at the trial's last step (no history read)
   */
  boolean stepAllows(FrozenTrial trial) {
    int step = trial.lastStep();
    if (step < warmupSteps) {
      return false;
    }
    SortedMap<Integer, Double> before = trial.intermediateValues().headMap(step);
    if (before.isEmpty()) {
      return true;
    }
    int previous = before.lastKey();
    return previous < warmupSteps || window(previous) != window(step);
  }

  /**
   * @return whether {@code completeTrials} COMPLETE trials are enough for a decision
   */
  boolean enoughCompleted(int completeTrials) {
    return completeTrials >= startupTrials;
  }

  private int window(int step) {
    return (step - warmupSteps) / intervalSteps;
  }
}
