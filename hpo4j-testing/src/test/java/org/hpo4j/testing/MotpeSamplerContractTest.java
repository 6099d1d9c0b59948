package org.hpo4j.testing;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.moo.MotpeSampler;

class MotpeSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return MotpeSampler.builder().seed(seed).multivariate(true).nStartupTrials(5).build();
  }
}
