package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.junit.jupiter.api.Test;

class ParzenProposalTest {
  private static final Distribution[] UNIT = {new FloatDistribution(0, 1)};

  @Test
  void propose_goodPointsClustered_landsNearThem() {
    double[][] below = {{0.20}, {0.21}, {0.19}, {0.22}};
    double[][] above = new double[20][];
    for (int i = 0; i < 20; i++) {
      above[i] = new double[] {0.4 + 0.03 * i};
    }
    double[] x =
        ParzenProposal.propose(UNIT, below, ones(4), above, ones(20), 24, new SplittableRandom(1));
    assertEquals(0.2, x[0], 0.1);
  }

  @Test
  void propose_heavilyWeightedGoodPoint_pullsTheProposal() {
    // two good points far apart; nearly all the weight on the one at 0.9
    double[][] below = {{0.1}, {0.9}};
    double[][] above = {{0.5}};
    int near = 0;
    for (int seed = 0; seed < 20; seed++) {
      double[] x =
          ParzenProposal.propose(
              UNIT, below, new double[] {1e-12, 1}, above, ones(1), 24, new SplittableRandom(seed));
      near += Math.abs(x[0] - 0.9) < 0.2 ? 1 : 0;
    }
    assertTrue(near >= 15, "proposals near the heavy point: " + near + " of 20");
  }

  @Test
  void propose_sameRandomStream_sameProposal() {
    double[][] below = {{0.3, 0.7}};
    double[][] above = {{0.5, 0.5}, {0.9, 0.1}};
    Distribution[] d = {new FloatDistribution(0, 1), new FloatDistribution(0, 1)};
    double[] a =
        ParzenProposal.propose(d, below, ones(1), above, ones(2), 24, new SplittableRandom(7));
    double[] b =
        ParzenProposal.propose(d, below, ones(1), above, ones(2), 24, new SplittableRandom(7));
    assertEquals(a[0], b[0]);
    assertEquals(a[1], b[1]);
  }

  @Test
  void propose_badArguments_throw() {
    double[][] one = {{0.5}};
    SplittableRandom rng = new SplittableRandom(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> ParzenProposal.propose(UNIT, one, ones(2), one, ones(1), 24, rng));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParzenProposal.propose(UNIT, one, new double[] {-1}, one, ones(1), 24, rng));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParzenProposal.propose(UNIT, one, ones(1), one, ones(1), 0, rng));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ParzenProposal.propose(
                UNIT, new double[][] {{0.1, 0.2}}, ones(1), one, ones(1), 24, rng));
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }
}
