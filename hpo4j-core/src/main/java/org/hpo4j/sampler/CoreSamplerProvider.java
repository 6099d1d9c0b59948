package org.hpo4j.sampler;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;

/**
 * The samplers of core: {@code random}, {@code qmc} (scrambled Sobol), {@code auto} and {@code
 * grid} (option {@code grid: {name: [values]}}).
 */
public final class CoreSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("random", "grid", "qmc", "auto");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    Sampler s =
        switch (name) {
          case "random" -> RandomSampler.builder().seed(seed).build();
          case "auto" -> AutoSampler.builder().seed(seed).build();
          case "qmc" -> QmcSampler.builder().seed(seed).build();
          case "grid" -> grid(o, seed);
          default -> throw new IllegalArgumentException("unknown sampler '" + name + "'");
        };
    o.requireAllKnown();
    return s;
  }

  private static Sampler grid(OptionReader o, long seed) {
    Map<String, Object> grid = o.map("grid");
    if (grid.isEmpty()) {
      throw new IllegalArgumentException(
          "sampler 'grid' needs option 'grid': a map from parameter name to a list of values");
    }
    GridSampler.Builder b = GridSampler.builder().seed(seed);
    for (Map.Entry<String, Object> e : grid.entrySet()) {
      if (!(e.getValue() instanceof List<?> values)) {
        throw new IllegalArgumentException(
            "grid values of '" + e.getKey() + "' must be a list, but got " + e.getValue());
      }
      b.param(e.getKey(), values);
    }
    return b.build();
  }
}
