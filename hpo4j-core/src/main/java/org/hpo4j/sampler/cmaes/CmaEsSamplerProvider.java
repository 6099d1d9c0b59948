package org.hpo4j.sampler.cmaes;

import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;
import org.hpo4j.sampler.Samplers;

/**
 * Registers {@code cmaes}. Options: {@code sigma0} (number in (0, 1]), {@code population} (int),
 * {@code n_startup_trials} (int), {@code separable}, {@code active}, {@code restarts}, {@code warm_start} (booleans).
 */
public final class CmaEsSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("cmaes");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    Samplers.requireKnownOptions(name, options,
        Set.of("sigma0", "population", "n_startup_trials", "separable", "active", "restarts", "warm_start"));
    CmaEsSampler.Builder b = CmaEsSampler.builder().seed(seed);
    if (options.containsKey("sigma0")) {
      b.sigma0(number(options, "sigma0"));
    }
    if (options.containsKey("population")) {
      b.populationSize(integer(options, "population"));
    }
    if (options.containsKey("n_startup_trials")) {
      b.nStartupTrials(integer(options, "n_startup_trials"));
    }
    if (options.containsKey("separable")) {
      b.separable(bool(options, "separable"));
    }
    if (options.containsKey("active")) {
      b.active(bool(options, "active"));
    }
    if (options.containsKey("restarts")) {
      b.restarts(bool(options, "restarts"));
    }
    if (options.containsKey("warm_start")) {
      b.warmStart(bool(options, "warm_start"));
    }
    return b.build();
  }

  private static double number(Map<String, Object> options, String key) {
    if (!(options.get(key) instanceof Number n)) {
      throw new IllegalArgumentException("option '" + key + "' of sampler 'cmaes' must be a number, but got " + options.get(key));
    }
    return n.doubleValue();
  }

  private static int integer(Map<String, Object> options, String key) {
    double v = number(options, key);
    if (v != Math.rint(v)) {
      throw new IllegalArgumentException("option '" + key + "' of sampler 'cmaes' must be an integer, but got " + v);
    }
    return (int) v;
  }

  private static boolean bool(Map<String, Object> options, String key) {
    Object v = options.get(key);
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean((String) v);
    }
    throw new IllegalArgumentException("option '" + key + "' of sampler 'cmaes' must be true or false, but got " + v);
  }
}
