package org.hpo4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.GridSampler;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.Study;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.trial.FrozenTrial;

/**
 * The grid the suite's {@code grid} sampler uses for a function: its space is discovered
 * define-by-run (a few random probe trials), categoricals keep all choices, and each numeric
 * parameter gets the same number k of cell-centred points, the largest k whose grid fits the
 * budget.
 */
final class BenchGrid {
  private BenchGrid() {}

  static Sampler forFunction(BenchmarkFunction f, int trials, long seed) {
    Study probe = Study.builder().sampler(RandomSampler.builder().seed(seed).build()).build();
    probe.optimize(f::evaluate, 64);
    Map<String, Distribution> space = new LinkedHashMap<>();
    for (FrozenTrial t : probe.trials()) {
      t.distributions().forEach(space::putIfAbsent);
    }
    long categorical = 1;
    int numeric = 0;
    for (Distribution d : space.values()) {
      if (d instanceof CategoricalDistribution c) {
        categorical *= c.choices().size();
      } else {
        numeric++;
      }
    }
    int k = 1;
    while (numeric > 0 && categorical * Math.pow(k + 1, numeric) <= trials) {
      k++;
    }
    Map<String, List<?>> grid = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      Distribution d = e.getValue();
      if (d instanceof CategoricalDistribution c) {
        grid.put(e.getKey(), c.choices());
      } else {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          Object v = d.toExternal(d.fromUnit((i + 0.5) / k));
          if (!values.contains(v)) {
            values.add(v);
          }
        }
        grid.put(e.getKey(), values);
      }
    }
    return GridSampler.builder().grid(grid).seed(seed).build();
  }
}
