package org.hpo4j.testing;

import org.hpo4j.trial.Trial;

/**
 * A test function of the benchmark suite (shared/spec/benchmarks.md), written define-by-run: it
 * asks the trial for {@code x0, x1, ...} (or the mixed, conditional space) and returns the value to
 * minimise. The definitions must stay exactly as specified: every comparison with other frameworks
 * depends on them.
 */
public interface BenchmarkFunction {

  /**
   * @return the suite name, e.g. "branin"
   */
  String name();

  /**
   * @return the known global minimum
   */
  double optimum();

  /**
   * @return the function value of the parameters the trial suggests
   */
  double evaluate(Trial trial);
}
