package org.hpo4j.cli;

import java.util.Set;
import org.hpo4j.study.MultiObjective;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.BenchmarkFunctions;

/**
 * Turns the {@code objective} section of a study file into a callable objective: a built-in
 * benchmark function ({@code function: branin}).
 */
final class ObjectiveResolver {
  private ObjectiveResolver() {}

  static MultiObjective resolve(StudyFile file) {
    ConfigMap o = file.objective();
    if (o.has("function")) {
      o.requireOnly(Set.of("function"));
      String name = o.string("function", null);
      BenchmarkFunction f;
      try {
        f = BenchmarkFunctions.byName(name);
      } catch (IllegalArgumentException e) {
        throw o.error("'function' " + e.getMessage());
      }
      if (file.directions().size() != 1) {
        throw o.error("function '" + name + "' has one objective, but the study has " + file.directions().size());
      }
      return t -> new double[] {f.evaluate(t)};
    }
    throw o.error("needs 'function' (a built-in benchmark function, e.g. branin)");
  }
}
