package org.hpo4j.testing;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.cmaes.CmaEsSampler;

class CmaEsSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return CmaEsSampler.builder().seed(seed).build();
  }
}
