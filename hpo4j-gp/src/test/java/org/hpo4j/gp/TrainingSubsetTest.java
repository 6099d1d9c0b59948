package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

class TrainingSubsetTest {

  private static Integer[] byLoss(double[] y) {
    Integer[] order = new Integer[y.length];
    for (int i = 0; i < y.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
    return order;
  }

  @Test
  void select_atMostMax_keepsEverything() {
    double[][] x = {{0.1}, {0.5}, {0.9}};
    assertNull(TrainingSubset.select(x, byLoss(new double[] {3, 1, 2}), 3));
  }

  @Test
  void select_manyPoints_keepsTheBestHalfThenSpreadsOverTheRest() {
    // 200 points crowded near 0.5 (the best ones), 4 lone points at the corners of the square
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[204][];
    double[] y = new double[204];
    for (int i = 0; i < 200; i++) {
      x[i] = new double[] {0.45 + 0.1 * rng.nextDouble(), 0.45 + 0.1 * rng.nextDouble()};
      y[i] = i;
    }
    double[][] corners = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (int c = 0; c < 4; c++) {
      x[200 + c] = corners[c];
      y[200 + c] = 1000 + c;
    }
    int[] rows = TrainingSubset.select(x, byLoss(y), 20);
    assertEquals(20, rows.length);
    for (int r = 0; r < 10; r++) {
      assertEquals(r, rows[r], "the best ten first, best first");
    }
    Set<Integer> spread = Arrays.stream(rows, 10, 14).boxed().collect(Collectors.toSet());
    assertEquals(Set.of(200, 201, 202, 203), spread, "the corners are farthest from the crowd");
    assertEquals(20, Arrays.stream(rows).distinct().count());
    assertArrayEquals(rows, TrainingSubset.select(x, byLoss(y), 20), "deterministic");
  }

  @Test
  void fit_pastMax_modelsTheSubsetAndKeepsTheGlobalBest() {
    Map<String, Distribution> space = new LinkedHashMap<>();
    space.put("a", new FloatDistribution(0, 1));
    space.put("b", new FloatDistribution(0, 1));
    Study study = Study.builder().sampler(RandomSampler.builder().seed(3).build()).build();
    double[] best = {Double.POSITIVE_INFINITY, Double.NaN};
    study.optimize(
        t -> {
          double a = t.suggestFloat("a", 0, 1);
          double b = t.suggestFloat("b", 0, 1);
          double v = (a - 0.3) * (a - 0.3) + (b - 0.6) * (b - 0.6);
          if (v < best[0]) {
            best[0] = v;
            best[1] = a;
          }
          return v;
        },
        TrainingSubset.MAX + 60);
    ModelFitter.Fitted f = new ModelFitter(0, 10).fit(study, space, true);
    assertEquals(TrainingSubset.MAX, f.model().size());
    assertEquals(TrainingSubset.MAX + 60, f.trials());
    assertEquals(best[1], f.encoding().decode(f.incumbents()[0]).get("a"), 1e-12);
  }
}
