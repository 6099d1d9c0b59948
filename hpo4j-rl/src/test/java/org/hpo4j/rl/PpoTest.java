package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PpoTest {

  private static Episode play(Policy p, int steps, SplittableRandom rng) {
    Policy.Rollout r = p.start();
    for (int t = 0; t < steps; t++) {
      r.next(rng);
      r.episode().setInLoss(t, true);
    }
    return r.episode();
  }

  @Test
  void lossAndGradient_afterAStep_matchesFiniteDifferences() {
    for (boolean feed : new boolean[] {false, true}) {
      Policy policy = new Policy(feed, 0.5, 7L);
      SplittableRandom rng = new SplittableRandom(3);
      List<Episode> batch =
          List.of(play(policy, 4, rng), play(policy, 4, rng), play(policy, 4, rng));
      batch.get(1).setInLoss(2, false);
      double[] adv = {1.0, -0.7, 0.4};
      Ppo ppo = new Ppo(policy, 0.01, 0.2, 1, 1.0, 1.0, 0.01);
      ppo.update(batch, adv); // move away from ratio 1 so rho differs from 1
      ppo.lossAndGradient(batch, adv);
      double[] g = policy.network().grads().clone();
      double[] p = policy.network().params();
      double eps = 1e-6;
      for (int i = 0; i < p.length; i += 53) { // ~290 of the ~15k weights, spread over every block
        double keep = p[i];
        p[i] = keep + eps;
        double lp = ppo.lossAndGradient(batch, adv)[0];
        p[i] = keep - eps;
        double lm = ppo.lossAndGradient(batch, adv)[0];
        p[i] = keep;
        double fd = (lp - lm) / (2 * eps);
        assertEquals(fd, g[i], 1e-7 + 1e-4 * Math.abs(fd), "feed=" + feed + " parameter " + i);
      }
    }
  }

  @Test
  void update_toyBandit_meanMovesTowardRewardedAction() {
    // one step; reward = -(u - 0.6)^2; the policy's mean should move from ~0 toward 0.6
    // (lr 0.001: the spec's 0.007 gets there too, but only after ~200 episodes)
    Policy policy = new Policy(false, 0.5, 1L);
    Ppo ppo = new Ppo(policy, 0.001, 0.2, 10, 0.05, 1.0, 0.01);
    RewardNormalizer norm = new RewardNormalizer();
    SplittableRandom rng = new SplittableRandom(2);
    double start = policy.forward(play(policy, 1, rng), 1).mean()[0];
    for (int i = 0; i < 150; i++) {
      Episode ep = play(policy, 1, rng);
      double r = -Math.pow(ep.u(0) - 0.6, 2);
      ppo.update(List.of(ep), new double[] {norm.advantage(r)});
    }
    double end = policy.forward(play(policy, 1, rng), 1).mean()[0];
    assertTrue(Math.abs(start) < 0.2, "start mean " + start);
    assertTrue(Math.abs(end - 0.6) < 0.15, "end mean " + end);
  }
}
