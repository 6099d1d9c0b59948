package org.hpo4j.testing;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.tpe.TpeSampler;

class TpeMultivariateSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return TpeSampler.builder().multivariate(true).nStartupTrials(5).seed(seed).build();
  }
}
