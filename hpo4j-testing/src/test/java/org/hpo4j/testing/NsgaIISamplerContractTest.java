package org.hpo4j.testing;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.moo.NsgaIISampler;

class NsgaIISamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return NsgaIISampler.builder().seed(seed).populationSize(8).build();
  }

  @Override
  protected int trials() {
    return 40; // past the first generations
  }
}
