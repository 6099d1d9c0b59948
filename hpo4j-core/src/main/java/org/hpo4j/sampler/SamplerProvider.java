package org.hpo4j.sampler;

import java.util.Map;
import java.util.Set;

/**
 * Creates samplers by name, found with {@link java.util.ServiceLoader} (register the implementation
 * in {@code META-INF/services/org.hpo4j.sampler.SamplerProvider}). This is how the CLI, study files
 * and the benchmark runner reach samplers of modules that core does not know (gp, rl).
 */
public interface SamplerProvider {

  /**
   * @return the names this provider creates, e.g. "tpe" and "tpe_mv"
   */
  Set<String> names();

  /**
   * @param name one of {@link #names()}
   * @param seed the seed every random choice derives from
   * @param options sampler options from a study file (may be empty); unknown keys are an error
   * @throws IllegalArgumentException naming a bad option and what is allowed
   */
  Sampler create(String name, long seed, Map<String, Object> options);
}
