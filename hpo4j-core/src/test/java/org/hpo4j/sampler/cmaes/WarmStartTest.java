package org.hpo4j.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class WarmStartTest {

  @Test
  void from_tenSources_startsAtTheBestWithSigmaAlpha() {
    FloatDistribution d = new FloatDistribution(0, 10);
    List<FrozenTrial> sources = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double x = i;
      double y = 10 - i;
      sources.add(
          new FrozenTrial(
              i,
              i,
              TrialState.COMPLETE,
              Map.of("x", x, "y", y),
              Map.of("x", d, "y", d),
              List.of(Math.abs(x - 3.2)),
              new TreeMap<>(),
              Map.of(),
              Map.of(),
              null,
              null));
    }
    CmaState s =
        WarmStart.from(
            sources,
            List.of("x", "y"),
            new Distribution[] {d, d},
            StudyDirection.MINIMIZE,
            6,
            false,
            false);
    assertArrayEquals(
        new double[] {0.3, 0.7}, s.mean, 1e-12); // the best tenth is the single point x = 3
    assertEquals(0.1, s.sigma, 1e-12);
    assertEquals(1.0, s.c[0][0], 1e-12);
  }
}
