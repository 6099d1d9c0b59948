package org.hpo4j.gp;

import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;
import org.hpo4j.sampler.Samplers;

/**
 * Registers the GP samplers by name: {@code gp} (log EI), {@code gp_ei}, {@code gp_pi},
 * {@code gp_ucb}, {@code gp_ts} (Thompson sampling). Options: {@code n_startup_trials},
 * {@code candidates}, and for gp_ucb {@code beta}.
 */
public final class GpSamplerProvider implements SamplerProvider {
  private static final Map<String, GpSampler.AcquisitionFunction> NAMES = Map.of(
      "gp", GpSampler.AcquisitionFunction.LOG_EI,
      "gp_ei", GpSampler.AcquisitionFunction.EI,
      "gp_pi", GpSampler.AcquisitionFunction.PI,
      "gp_ucb", GpSampler.AcquisitionFunction.UCB,
      "gp_ts", GpSampler.AcquisitionFunction.THOMPSON);

  @Override
  public Set<String> names() {
    return NAMES.keySet();
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    GpSampler.AcquisitionFunction acq = NAMES.get(name);
    if (acq == null) {
      throw new IllegalArgumentException("unknown sampler '" + name + "'; this provider knows " + NAMES.keySet());
    }
    Samplers.requireKnownOptions(name, options,
        acq == GpSampler.AcquisitionFunction.UCB ? Set.of("n_startup_trials", "candidates", "beta")
            : Set.of("n_startup_trials", "candidates"));
    GpSampler.Builder b = GpSampler.builder(seed).acquisition(acq);
    if (options.containsKey("n_startup_trials")) {
      b.nStartupTrials(intOption(name, "n_startup_trials", options.get("n_startup_trials")));
    }
    if (options.containsKey("candidates")) {
      b.candidates(intOption(name, "candidates", options.get("candidates")));
    }
    if (options.containsKey("beta")) {
      Object v = options.get("beta");
      if (!(v instanceof Number num)) {
        throw new IllegalArgumentException("option 'beta' of sampler '" + name + "' must be a number, but got " + v);
      }
      b.beta(num.doubleValue());
    }
    return b.build();
  }

  private static int intOption(String sampler, String key, Object v) {
    if (!(v instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue())) {
      throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be an integer, but got " + v);
    }
    return num.intValue();
  }
}
