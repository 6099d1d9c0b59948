package org.hpo4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.junit.jupiter.api.Test;

class StepSpaceTest {

  private static Episode episode(double[] u, boolean[] asked) {
    double[] zeros = new double[u.length];
    double[] ones = new double[u.length];
    java.util.Arrays.fill(ones, 0.5);
    return Episode.ofActions(u, asked, zeros, ones);
  }

  private static StepSpace space() {
    StepSpace s = new StepSpace();
    s.set(0, CategoricalDistribution.of("opt", List.of("a", "b", "c")));
    s.set(1, IntDistribution.of("depth", 1, 5, false, 1));
    s.set(2, FloatDistribution.of("lr", 0.0, 10.0, false, null));
    return s;
  }

  @Test
  void encode_mixedSteps_givesIndexGridPointAndAbsentMarkers() {
    StepSpace s = space();
    double[] x =
        s.encode(episode(new double[] {0.9, -1.0, 0.0}, new boolean[] {true, true, false}), 3);
    assertArrayEquals(
        new double[] {2.0, IntDistribution.of("depth", 1, 5, false, 1).toUnit(1.0), 0.5}, x, 1e-12);
    assertArrayEquals(new boolean[] {true, false, false}, s.categorical(3));
  }

  @Test
  void sameChoices_differentCategory_isFalse_sameCategory_isTrue() {
    StepSpace s = space();
    Episode recorded = episode(new double[] {-0.9, 0.2, 0.1}, new boolean[] {true, true, true});
    assertTrue(s.sameChoices(recorded, episode(new double[] {-0.5, 0.9, -0.9}, new boolean[3])));
    assertFalse(s.sameChoices(recorded, episode(new double[] {0.0, 0.2, 0.1}, new boolean[3])));
  }
}
