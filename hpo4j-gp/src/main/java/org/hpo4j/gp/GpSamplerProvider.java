package org.hpo4j.gp;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers the GP samplers by name: {@code gp} (log EI), {@code gp_ei}, {@code gp_pi}, {@code
 * gp_ucb}, {@code gp_ts} (Thompson sampling). Options: {@code n_startup_trials}, {@code
 * candidates}, and for gp_ucb {@code beta}.
 */
public final class GpSamplerProvider implements SamplerProvider {
  private static final Map<String, GpSampler.AcquisitionFunction> NAMES =
      Map.of(
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
      throw new IllegalArgumentException(
          "unknown sampler '" + name + "'; this provider knows " + NAMES.keySet());
    }
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    GpSampler.Builder b = GpSampler.builder().seed(seed).acquisition(acq);
    o.ifInt("n_startup_trials", b::nStartupTrials).ifInt("candidates", b::candidates);
    if (acq == GpSampler.AcquisitionFunction.UCB) {
      o.ifNumber("beta", b::beta);
    }
    o.requireAllKnown();
    return b.build();
  }
}
