package org.hpo4j.rl;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.testing.SamplerContractTest;

class RlSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return RlSampler.builder().seed(seed).build();
  }
}
