package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpo4j.sampler.Sampler;
import org.junit.jupiter.api.Test;

class GpSamplerQualityTest {

  private static void beatsRandom(GpSampler.AcquisitionFunction acq, org.hpo4j.study.Objective f, double optimum,
      int trials) {
    long t0 = System.nanoTime();
    double gp = TestFunctions.finalRegret(GpSampler.builder(1).acquisition(acq).build(), f, optimum, trials);
    long t1 = System.nanoTime();
    double random = TestFunctions.finalRegret(Sampler.random(1), f, optimum, trials);
    System.out.printf("%s: gp %.3g (%.0f ms) random %.3g%n", acq, gp, (t1 - t0) / 1e6, random);
    assertTrue(gp < random, acq + " regret " + gp + " must beat random's " + random);
  }

  @Test
  void logEi_branin30_beatsRandom() {
    beatsRandom(GpSampler.AcquisitionFunction.LOG_EI, TestFunctions.BRANIN, TestFunctions.BRANIN_MIN, 30);
  }

  @Test
  void logEi_hartmann6_40_beatsRandom() {
    beatsRandom(GpSampler.AcquisitionFunction.LOG_EI, TestFunctions.HARTMANN6, TestFunctions.HARTMANN6_MIN, 40);
  }
}
