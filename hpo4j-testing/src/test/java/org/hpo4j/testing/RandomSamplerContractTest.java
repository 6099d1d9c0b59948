package org.hpo4j.testing;

import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;

class RandomSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return RandomSampler.builder().seed(seed).build();
  }
}
