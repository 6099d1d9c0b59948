package org.hpo4j.testing;

import org.hpo4j.trial.Trial;

/**
 * A multi-objective test function of the benchmark suite (shared/spec/benchmarks.md, "Several
 * objectives"), written define-by-run: it asks the trial for {@code x0, x1, ...} and returns one
 * value per objective, every objective minimised. The benchmark reports the hypervolume of the
 * front with respect to {@link #referencePoint()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface MultiObjectiveFunction {

  /**
   * @return the suite name, e.g. "zdt1"
   */
  String name();

  /**
   * @return the number of objectives
   */
  int objectives();

  /**
   * @return a copy of the hypervolume reference point, one entry per objective
   */
  double[] referencePoint();

  /**
   * @return the objective values of the parameters the trial suggests
   */
  double[] evaluate(Trial trial);
}
