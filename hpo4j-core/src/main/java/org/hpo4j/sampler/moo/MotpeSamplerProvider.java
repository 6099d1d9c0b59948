package org.hpo4j.sampler.moo;

import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;
import org.hpo4j.sampler.Samplers;

/**
 * Registers {@code motpe} (univariate Parzen estimators, as in the MOTPE paper) and
 * {@code motpe_mv} (multivariate). Option: {@code n_startup_trials} (int, default 10).
 */
public final class MotpeSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("motpe", "motpe_mv");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    Samplers.requireKnownOptions(name, options, Set.of("n_startup_trials"));
    int startup = 10;
    Object v = options.get("n_startup_trials");
    if (v != null) {
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new IllegalArgumentException("option 'n_startup_trials' of sampler '" + name
            + "' must be an integer, but got " + v);
      }
      startup = n.intValue();
    }
    return MotpeSampler.of(seed, name.equals("motpe_mv"), startup);
  }
}
