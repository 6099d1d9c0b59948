package org.hpo4j.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditional suite (issue 24), beside the spec's eight: categorical roots whose branches bring
 * their own float, int, log-int and stepped parameters ({@code nas_cell}, {@code optimizer_tune},
 * {@code nested_models}, {@code training_recipe}), and two with constraints set through {@code
 * Trial.setConstraints} ({@code nas_latency}, {@code optimizer_memory}; their optimum is the best
 * <em>feasible</em> value). Every optimum is known exactly: each term is a squared distance in
 * normalised coordinates to a point on the parameter's grid. Thread-safe.
 */
public final class ConditionalFunctions {
  private ConditionalFunctions() {}

  private static final Map<String, BenchmarkFunction> ALL = new LinkedHashMap<>();

  static {
    for (BenchmarkFunction f :
        List.of(
            new NasCell(false),
            new OptimizerTune(false),
            new NestedModels(),
            new TrainingRecipe(),
            new NasCell(true),
            new OptimizerTune(true))) {
      ALL.put(f.name(), f);
    }
  }

  /**
   * @return the six functions: four unconstrained, then the two constrained
   */
  public static List<BenchmarkFunction> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * @return the function of that name, or null
   */
  static BenchmarkFunction find(String name) {
    return ALL.get(name);
  }
}
