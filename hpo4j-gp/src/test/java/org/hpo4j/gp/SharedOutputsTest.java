package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The objective and constraint GPs that share one kernel and factor (see {@link ConstraintModels}).
 */
class SharedOutputsTest {
  private static final boolean[] NUMERIC = new boolean[3];
  private static final double[] THETA = {
    Math.log(0.3), Math.log(0.8), Math.log(0.5), 0.3, Math.log(0.01)
  };

  private static double[] otherTargets(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] * x[i][0] - 2 * x[i][2];
    }
    return y;
  }

  @Test
  void posteriors_ofSharedModels_equalEachModelsOwnPosterior() {
    double[][] x = GpModelTest.randomPoints(15, 3, 7);
    GpModel first =
        GpModel.fit(new Kernel(NUMERIC, THETA), x, GpModelTest.targets(x)).orElseThrow();
    GpModel second = first.withTargets(otherTargets(x));
    double[] point = {0.2, 0.7, 0.4};
    Posterior[] joint = GpModel.posteriors(new GpModel[] {first, second}, point, true);
    GpModel[] alone = {first, second};
    for (int c = 0; c < 2; c++) {
      Posterior p = alone[c].posterior(point, true);
      assertEquals(p.mean(), joint[c].mean(), 1e-12);
      assertEquals(p.variance(), joint[c].variance(), 1e-12);
      assertArrayEquals(p.meanGradient(), joint[c].meanGradient(), 1e-10);
      assertArrayEquals(p.varianceGradient(), joint[c].varianceGradient(), 1e-10);
    }
    // withTargets is the model fitted afresh on the other targets.
    GpModel refit = GpModel.fit(new Kernel(NUMERIC, THETA), x, otherTargets(x)).orElseThrow();
    assertEquals(refit.posterior(point, false).mean(), joint[1].mean(), 1e-9);
  }

  @Test
  void posteriors_ofModelsWithDifferentFactors_areRefused() {
    double[][] x = GpModelTest.randomPoints(10, 3, 8);
    GpModel a = GpModel.fit(new Kernel(NUMERIC, THETA), x, GpModelTest.targets(x)).orElseThrow();
    GpModel b = GpModel.fit(new Kernel(NUMERIC, THETA), x, otherTargets(x)).orElseThrow();
    assertThrows(
        IllegalArgumentException.class,
        () -> GpModel.posteriors(new GpModel[] {a, b}, new double[3], false));
  }

  @Test
  void
      jointObjective_isTheSumOfEachOutputsWithThePriorOnce_andItsGradientMatchesFiniteDifferences() {
    double[][] x = GpModelTest.randomPoints(20, 3, 9);
    double[][] ys = {GpModelTest.targets(x), otherTargets(x)};
    double[][] prior = HyperparameterFit.prior(NUMERIC);
    double[] g = new double[THETA.length];
    double joint = HyperparameterFit.objective(NUMERIC, NUMERIC, x, ys, prior, THETA, g);
    double[] scratch = new double[THETA.length];
    double one = HyperparameterFit.objective(NUMERIC, x, ys[0], THETA, scratch);
    double two = HyperparameterFit.objective(NUMERIC, x, ys[1], THETA, scratch);
    double priorTerm = 0;
    for (int c = 0; c < THETA.length; c++) {
      double z = THETA[c] - prior[0][c];
      priorTerm += 0.5 * z * z / prior[1][c];
    }
    assertEquals(one + two - priorTerm, joint, 1e-8);
    double eps = 1e-6;
    for (int c = 0; c < THETA.length; c++) {
      double[] up = THETA.clone();
      double[] dn = THETA.clone();
      up[c] += eps;
      dn[c] -= eps;
      double fd =
          (HyperparameterFit.objective(NUMERIC, NUMERIC, x, ys, prior, up, scratch)
                  - HyperparameterFit.objective(NUMERIC, NUMERIC, x, ys, prior, dn, scratch))
              / (2 * eps);
      assertEquals(fd, g[c], 1e-4 * Math.max(1, Math.abs(fd)), "d NLP / d theta_" + c);
    }
  }
}
