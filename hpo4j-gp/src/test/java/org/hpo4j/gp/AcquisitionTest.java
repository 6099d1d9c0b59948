package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcquisitionTest {

  private static GpModel model() {
    double[][] x = GpModelTest.randomPoints(12, 3, 7);
    double[] theta = {Math.log(0.3), Math.log(0.5), Math.log(0.4), 0.0, Math.log(1e-4)};
    return GpModel.fit(new Kernel(new boolean[3], theta), x, GpModelTest.targets(x)).orElseThrow();
  }

  @Test
  void everyAcquisition_gradientMatchesFiniteDifferences() {
    GpModel model = model();
    double best = java.util.Arrays.stream(model.targets()).min().orElseThrow();
    List<Acquisition> all =
        List.of(
            Acquisition.logEi(best),
            Acquisition.ei(best),
            Acquisition.pi(best, true),
            Acquisition.pi(best, false),
            Acquisition.ucb(2.5),
            Acquisition.logEi(best - 2.0));
    double[][] points = {{0.31, 0.62, 0.47}, {0.9, 0.1, 0.5}, {0.05, 0.95, 0.2}};
    double eps = 1e-6;
    for (Acquisition a : all) {
      for (double[] at : points) {
        double[] g = new double[3];
        a.value(model.posterior(at, true), g);
        for (int j = 0; j < 3; j++) {
          double[] up = at.clone();
          double[] dn = at.clone();
          up[j] += eps;
          dn[j] -= eps;
          double fd =
              (a.value(model.posterior(up, false), null)
                      - a.value(model.posterior(dn, false), null))
                  / (2 * eps);
          assertEquals(
              fd,
              g[j],
              1e-4 * Math.max(1, Math.abs(fd)),
              a.getClass().getSimpleName() + " d/dx_" + j);
        }
      }
    }
  }

  @Test
  void logEi_whereEiIsRepresentable_equalsLogOfEi() {
    for (double mean : new double[] {-1.0, 0.0, 0.5, 2.0, 5.0}) {
      for (double var : new double[] {0.01, 0.3, 1.0}) {
        if (-mean / Math.sqrt(var) < -3) {
          continue; // EI = sigma (phi + z Phi) cancels below z = -3: that is what logEI is for
        }
        Posterior p = new Posterior(mean, var, null, null);
        double ei = Acquisition.ei(0.0).value(p, null);
        assertEquals(
            Math.log(ei),
            Acquisition.logEi(0.0).value(p, null),
            1e-6 * Math.max(1, Math.abs(Math.log(ei))),
            "mean " + mean + " var " + var);
      }
    }
  }

  @Test
  void logEi_farBelowIncumbent_staysFiniteAndDecreasing() {
    double previous = Double.POSITIVE_INFINITY;
    for (double mean = 10; mean <= 1e4; mean *= 2) {
      Posterior p = new Posterior(mean, 0.01, null, null);
      assertEquals(0.0, Acquisition.ei(0.0).value(p, null));
      double v = Acquisition.logEi(0.0).value(p, null);
      assertTrue(Double.isFinite(v) && v < previous, "logEI " + v + " at mean " + mean);
      previous = v;
    }
  }

  @Test
  void logPi_farBelowIncumbent_staysFinite() {
    double v = Acquisition.pi(0.0, true).value(new Posterior(100.0, 0.01, null, null), null);
    assertTrue(Double.isFinite(v) && v < -1e4, "logPI " + v);
  }

  @Test
  void ucb_largerBeta_prefersUncertainty() {
    Posterior certain = new Posterior(0.0, 0.01, null, null);
    Posterior uncertain = new Posterior(0.5, 1.0, null, null);
    assertTrue(
        Acquisition.ucb(0.0).value(certain, null) > Acquisition.ucb(0.0).value(uncertain, null));
    assertTrue(
        Acquisition.ucb(4.0).value(certain, null) < Acquisition.ucb(4.0).value(uncertain, null));
  }
}
