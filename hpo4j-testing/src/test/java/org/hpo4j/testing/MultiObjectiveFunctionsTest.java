package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.hpo4j.math.pareto.Hypervolume;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;

class MultiObjectiveFunctionsTest {

  @Test
  void zdt_paretoOptimalPoints_lieOnTheKnownFronts() {
    double[] x = new double[30];
    x[0] = 0.25; // the other variables at 0 make g = 1
    assertArrayEquals(new double[] {0.25, 0.5}, MultiObjectiveFunctions.zdt(x, 1), 1e-12);
    assertArrayEquals(new double[] {0.25, 1 - 0.0625}, MultiObjectiveFunctions.zdt(x, 2), 1e-12);
    assertArrayEquals(
        new double[] {0.25, 0.5 - 0.25 * Math.sin(2.5 * Math.PI)},
        MultiObjectiveFunctions.zdt(x, 3),
        1e-12);
  }

  @Test
  void zdt1_allOnes_givesGTen() {
    double[] x = new double[30];
    Arrays.fill(x, 1);
    assertArrayEquals(
        new double[] {1, 10 * (1 - Math.sqrt(0.1))}, MultiObjectiveFunctions.zdt(x, 1), 1e-12);
  }

  @Test
  void dtlz2_tailAtHalf_liesOnTheUnitSphere() {
    double[] x = new double[12];
    Arrays.fill(x, 0.5);
    x[0] = 0.3;
    x[1] = 0.8;
    double[] f = MultiObjectiveFunctions.dtlz2(x);
    assertEquals(1.0, f[0] * f[0] + f[1] * f[1] + f[2] * f[2], 1e-12);
  }

  @Test
  void byName_knownAndUnknown() {
    assertEquals(3, MultiObjectiveFunctions.byName("dtlz2").objectives());
    assertArrayEquals(
        new double[] {11, 11}, MultiObjectiveFunctions.byName("zdt3").referencePoint());
    assertEquals(4, MultiObjectiveFunctions.all().size());
    assertThrows(IllegalArgumentException.class, () -> MultiObjectiveFunctions.byName("zdt4"));
  }

  @Test
  void evaluate_inAStudy_givesAPositiveHypervolume() {
    MultiObjectiveFunction f = MultiObjectiveFunctions.byName("zdt1");
    Study s = Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).build();
    s.optimizeMulti(f::evaluate, 20);
    double hv =
        Hypervolume.of(
            s.completeTrials().stream()
                .map(t -> t.values().stream().mapToDouble(Double::doubleValue).toArray())
                .toList(),
            f.referencePoint());
    assertEquals(true, hv > 0 && hv < 121, "hypervolume " + hv);
  }
}
