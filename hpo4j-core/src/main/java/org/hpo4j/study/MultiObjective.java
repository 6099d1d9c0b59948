package org.hpo4j.study;

import org.hpo4j.trial.Trial;

/** An objective with several values (accuracy and model size, say), one per study direction. */
@FunctionalInterface
public interface MultiObjective {
  /**
   * @return one value per direction of the study
   */
  double[] evaluate(Trial trial) throws Exception;
}
