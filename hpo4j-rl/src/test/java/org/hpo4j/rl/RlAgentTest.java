package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RlAgentTest {

  private static Settings settings(boolean useModel, double delta, int maxImagined) {
    return settings(useModel, delta, maxImagined, RewardModelKind.MLP);
  }

  private static Settings settings(
      boolean useModel, double delta, int maxImagined, RewardModelKind kind) {
    return new Settings(
        useModel,
        false,
        RewardMode.QUANTILE,
        0.007,
        0.01,
        0.5,
        delta,
        10,
        5,
        maxImagined,
        8,
        500,
        300,
        kind,
        kind == RewardModelKind.GP,
        0.0,
        false,
        0,
        false);
  }

  /** A smooth 3-D bowl in action space, minimum at (0.5, -0.3, 0.2). */
  private static double bowl(double[] u) {
    return Math.pow(u[0] - 0.5, 2) + Math.pow(u[1] + 0.3, 2) + Math.pow(u[2] - 0.2, 2);
  }

  private static RlAgent run(Settings s, int trials) {
    RlAgent agent = new RlAgent(s, 3L);
    for (int i = 0; i < trials; i++) {
      Policy.Rollout ro = agent.begin();
      double[] u = new double[3];
      for (int t = 0; t < 3; t++) {
        u[t] = ro.next(agent.random());
        ro.episode().setInLoss(t, true);
      }
      agent.observe(ro.episode(), bowl(u), 3);
    }
    return agent;
  }

  @Test
  void observe_withModel_fewerRealEvaluationsPerPolicyUpdate() {
    RlStats without = run(settings(false, 0.4, 300), 30).stats();
    RlStats with = run(settings(true, 0.4, 300), 30).stats();
    assertEquals(30, without.policyUpdates());
    assertTrue(with.modelPhases() >= 1, "model phases run: " + with);
    double realPerUpdateWithout = (double) without.realEpisodes() / without.policyUpdates();
    double realPerUpdateWith = (double) with.realEpisodes() / with.policyUpdates();
    assertTrue(
        with.imaginedEpisodes() > 0 && realPerUpdateWith < realPerUpdateWithout,
        "real evaluations per update: "
            + realPerUpdateWith
            + " with the model vs "
            + realPerUpdateWithout);
  }

  @Test
  void observe_withGpModel_trainsOnImaginedEpisodesAndFewerRealEvaluationsPerUpdate() {
    RlStats with = run(settings(true, 0.4, 300, RewardModelKind.GP), 20).stats();
    assertTrue(with.modelPhases() >= 1 && with.imaginedEpisodes() > 0, "model phases run: " + with);
    assertTrue(
        (double) with.realEpisodes() / with.policyUpdates() < 1.0,
        "real evaluations per update: " + with);
  }

  @Test
  void modelPhase_gpSmallDelta_stopsOnceKlPassesDelta() {
    RlStats s = run(settings(true, 0.01, 300, RewardModelKind.GP), 10).stats();
    assertEquals(1, s.modelPhases() + s.skippedModelPhases());
    if (s.modelPhases() == 1) {
      assertTrue(s.lastKl() > 0.01, "stopped at KL " + s.lastKl());
      assertTrue(s.imaginedEpisodes() < 300, "imagined " + s.imaginedEpisodes());
    }
  }

  @Test
  void modelPhase_smallDelta_stopsOnceKlPassesDelta() {
    RlStats s = run(settings(true, 0.01, 300), 10).stats();
    assertEquals(1, s.modelPhases() + s.skippedModelPhases());
    if (s.modelPhases() == 1) {
      assertTrue(s.lastKl() > 0.01, "stopped at KL " + s.lastKl());
      assertTrue(s.imaginedEpisodes() < 300, "imagined " + s.imaginedEpisodes());
    }
  }

  @Test
  void observe_sameSeed_sameWeights() {
    RlAgent a = run(settings(true, 0.4, 100), 15);
    RlAgent b = run(settings(true, 0.4, 100), 15);
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        a.policy().network().params(), b.policy().network().params());
  }
}
