package org.hpo4j.sampler.moo;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers {@code motpe} (univariate Parzen estimators, as in the MOTPE paper) and {@code
 * motpe_mv} (multivariate). Option: {@code n_startup_trials} (int, default 10).
 */
public final class MotpeSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("motpe", "motpe_mv");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    MotpeSampler.Builder b =
        MotpeSampler.builder().seed(seed).multivariate(name.equals("motpe_mv"));
    o.ifInt("n_startup_trials", b::nStartupTrials).requireAllKnown();
    return b.build();
  }
}
