package org.hpo4j.study;

import org.hpo4j.trial.Trial;

/**
 * A function to minimise or maximise, written define-by-run: it asks the {@link Trial} for its
 * parameters. Throwing or returning NaN makes the trial FAIL and the study goes on; throwing {@link
 * org.hpo4j.trial.TrialPrunedException} makes it PRUNED.
 */
@FunctionalInterface
public interface Objective {
  /**
   * @return the objective value of the parameters this trial suggested
   */
  double evaluate(Trial trial) throws Exception;
}
