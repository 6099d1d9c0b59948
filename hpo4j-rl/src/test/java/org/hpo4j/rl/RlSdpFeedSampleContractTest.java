package org.hpo4j.rl;

import org.hpo4j.sampler.Sampler;
import org.hpo4j.testing.SamplerContractTest;

/**
 * The contract for RL-SDP with the previous action fed back (the variant meant for conditional
 * spaces).
 */
class RlSdpFeedSampleContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return RlSampler.builder().seed(seed).useModel(false).feedSample(true).build();
  }
}
