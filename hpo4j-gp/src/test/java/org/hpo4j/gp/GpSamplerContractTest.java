package org.hpo4j.gp;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.testing.SamplerContractTest;

/** The shared sampler contract, past the GP's start-up phase. */
class GpSamplerContractTest extends SamplerContractTest {

  @Override
  protected Sampler newSampler(long seed) {
    return GpSampler.builder().seed(seed).nStartupTrials(5).build();
  }

  @Override
  protected int trials() {
    return 20;
  }
}
