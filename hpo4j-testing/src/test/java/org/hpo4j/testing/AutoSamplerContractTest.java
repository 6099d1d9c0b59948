package org.hpo4j.testing;

import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;

class AutoSamplerContractTest extends SamplerContractTest {
  @Override
  protected Sampler newSampler(long seed) {
    return Samplers.create("auto", seed, Map.of());
  }
}
