package org.hpo4j.sampler;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The samplers of core: {@code random}, {@code qmc} (scrambled Sobol) and {@code grid} (option {@code grid: {name: [values]}}). */
public final class CoreSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("random", "grid", "qmc", "auto");
  }

  @Override
  @SuppressWarnings("unchecked")
  public Sampler create(String name, long seed, Map<String, Object> options) {
    switch (name) {
      case "random" -> {
        Samplers.requireKnownOptions(name, options, Set.of());
        return Sampler.random(seed);
      }
      case "auto" -> {
        Samplers.requireKnownOptions(name, options, Set.of());
        return new AutoSampler(seed);
      }
      case "qmc" -> {
        Samplers.requireKnownOptions(name, options, Set.of());
        return new QmcSampler(seed);
      }
      case "grid" -> {
        Samplers.requireKnownOptions(name, options, Set.of("grid"));
        Object grid = options.get("grid");
        if (!(grid instanceof Map<?, ?> m) || m.isEmpty()) {
          throw new IllegalArgumentException("sampler 'grid' needs option 'grid': a map from parameter name to a list of values");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!(e.getValue() instanceof List<?>)) {
            throw new IllegalArgumentException("grid values of '" + e.getKey() + "' must be a list, but got " + e.getValue());
          }
        }
        return new GridSampler((Map<String, List<?>>) grid, seed);
      }
      default -> throw new IllegalArgumentException("unknown sampler '" + name + "'");
    }
  }
}
