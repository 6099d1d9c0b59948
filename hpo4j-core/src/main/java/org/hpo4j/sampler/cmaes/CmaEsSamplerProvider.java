package org.hpo4j.sampler.cmaes;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers {@code cmaes}. Options: {@code sigma0} (number in (0, 1]), {@code population} (int),
 * {@code n_startup_trials} (int), {@code separable}, {@code active}, {@code restarts}, {@code
 * warm_start} (booleans).
 */
public final class CmaEsSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("cmaes");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    CmaEsSampler.Builder b = CmaEsSampler.builder().seed(seed);
    o.ifNumber("sigma0", b::sigma0)
        .ifInt("population", b::populationSize)
        .ifInt("n_startup_trials", b::nStartupTrials)
        .ifBool("separable", b::separable)
        .ifBool("active", b::active)
        .ifBool("restarts", b::restarts)
        .ifBool("warm_start", b::warmStart)
        .requireAllKnown();
    return b.build();
  }
}
