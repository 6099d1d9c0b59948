package org.hpo4j.testing;

import org.hpo4j.sampler.QmcSampler;
import org.hpo4j.sampler.Sampler;

class QmcSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return QmcSampler.builder().seed(seed).build();
  }
}
