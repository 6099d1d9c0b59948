package org.hpo4j.testing;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.tpe.TpeSampler;

class TpeUnivariateSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return TpeSampler.builder().multivariate(false).nStartupTrials(5).seed(seed).build();
  }
}
