package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgentNetworkTest {

  /** L = sum_t w_t . y_t for fixed random weights w and inputs x. */
  private static double loss(AgentNetwork net, double[][] xs, double[][] w) {
    AgentNetwork.Trace tr = net.newTrace();
    double l = 0.0;
    for (int t = 0; t < xs.length; t++) {
      double[] y = net.step(tr, xs[t]);
      l += w[t][0] * y[0] + w[t][1] * y[1];
    }
    return l;
  }

  @Test
  void backward_randomNetwork_matchesFiniteDifferences() {
    gradientCheck(new AgentNetwork(3, 2, 7, 3, -0.5, 11L));
  }

  @Test
  void backward_perStepHeadsFewerThanSteps_matchesFiniteDifferences() {
    gradientCheck(new AgentNetwork(3, 2, 7, 3, 4, -0.5, 11L));
  }

  @Test
  void step_perStepHeads_sameInputsDifferentStepsGiveDifferentOutputs() {
    AgentNetwork net = new AgentNetwork(2, 2, 5, 1, 3, 0.0, 2L);
    double[] p = net.params();
    java.util.Arrays.fill(p, 0.0);
    p[p.length - 6] = 0.3; // head 0, mean bias
    p[p.length - 4] = -0.7; // head 1, mean bias
    AgentNetwork.Trace tr = net.newTrace();
    assertEquals(0.3, net.step(tr, new double[] {0, 1})[0], 1e-12);
    assertEquals(-0.7, net.step(tr, new double[] {0, 1})[0], 1e-12);
    assertEquals(0.0, net.step(tr, new double[] {0, 1})[0], 1e-12);
    assertEquals(0.0, net.step(tr, new double[] {0, 1})[0], 1e-12);
  }

  private static void gradientCheck(AgentNetwork net) {
    // larger output weights than the default init so every path carries signal
    SplittableRandom rng = new SplittableRandom(5);
    double[] p = net.params();
    for (int i = 0; i < p.length; i++) {
      p[i] = (2 * rng.nextDouble() - 1) * 0.8;
    }
    int steps = 6;
    double[][] xs = new double[steps][3];
    double[][] w = new double[steps][2];
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < 3; k++) {
        xs[t][k] = 2 * rng.nextDouble() - 1;
      }
      w[t][0] = 2 * rng.nextDouble() - 1;
      w[t][1] = 2 * rng.nextDouble() - 1;
    }
    AgentNetwork.Trace tr = net.newTrace();
    double[][] dy = new double[steps][];
    for (int t = 0; t < steps; t++) {
      net.step(tr, xs[t]);
      dy[t] = w[t].clone();
    }
    net.zeroGrads();
    net.backward(tr, dy);
    double[] g = net.grads().clone();
    double eps = 1e-6;
    double maxRel = 0.0;
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + eps;
      double lp = loss(net, xs, w);
      p[i] = keep - eps;
      double lm = loss(net, xs, w);
      p[i] = keep;
      double fd = (lp - lm) / (2 * eps);
      double rel = Math.abs(fd - g[i]) / Math.max(1e-3, Math.abs(fd) + Math.abs(g[i]));
      maxRel = Math.max(maxRel, rel);
      assertEquals(fd, g[i], 1e-6 + 1e-5 * Math.abs(fd), "parameter " + i);
    }
    assertTrue(maxRel < 1e-4, "max relative error " + maxRel);
  }

  @Test
  void constructor_sameSeed_sameWeights() {
    AgentNetwork a = new AgentNetwork(2, 2, 35, 3, -0.48, 3L);
    AgentNetwork b = new AgentNetwork(2, 2, 35, 3, -0.48, 3L);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.params(), b.params());
  }
}
