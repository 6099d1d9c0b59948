package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.study.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every acquisition beats random search's final regret on a fixed seed with a small budget. */
class GpSamplerQualityTest {

  private static void beatsRandom(
      GpSampler.AcquisitionFunction acq, Objective f, double optimum, int trials) {
    double gp =
        TestFunctions.finalRegret(
            GpSampler.builder().seed(1).acquisition(acq).build(), f, optimum, trials);
    double random =
        TestFunctions.finalRegret(RandomSampler.builder().seed(1).build(), f, optimum, trials);
    assertTrue(gp < random, acq + " regret " + gp + " must beat random's " + random);
  }

  @ParameterizedTest
  @EnumSource(GpSampler.AcquisitionFunction.class)
  void optimize_branin30_beatsRandom(GpSampler.AcquisitionFunction acq) {
    beatsRandom(acq, TestFunctions.BRANIN, TestFunctions.BRANIN_MIN, 30);
  }

  @ParameterizedTest
  @EnumSource(GpSampler.AcquisitionFunction.class)
  void optimize_hartmann6_40_beatsRandom(GpSampler.AcquisitionFunction acq) {
    beatsRandom(acq, TestFunctions.HARTMANN6, TestFunctions.HARTMANN6_MIN, 40);
  }
}
