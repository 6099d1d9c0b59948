package org.hpo4j.sampler.moo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class ReferencePointNichingTest {

  @Test
  void choose_oneDirectionAlreadyCovered_fillsTheEmptyDirections() {
    // directions (0,1), (1/2,1/2), (1,0); A covers (0,1) already and B is near it too
    Survival.Member a = member(0, 0, 1);
    Survival.Member b = member(1, 0.1, 0.9);
    Survival.Member c = member(2, 0.5, 0.5);
    Survival.Member d = member(3, 1, 0);
    List<Survival.Member> chosen =
        new ReferencePointNiching(2).choose(List.of(a), List.of(b, c, d), 2);
    assertEquals(List.of(2, 3), chosen.stream().map(Survival.Member::number).sorted().toList());
  }

  @Test
  void normalised_scalesByInterceptsOfTheExtremePoints() {
    List<Survival.Member> all = List.of(member(0, 2, 12), member(1, 4, 11), member(2, 6, 10));
    double[][] f = ReferencePointNiching.normalised(all, 2);
    // ideal (2, 10); after translation the extremes are (4, 0) and (0, 2): intercepts 4 and 2
    assertEquals(0.5, f[1][0], 1e-9);
    assertEquals(0.5, f[1][1], 1e-9);
    assertEquals(0.0, f[0][0], 1e-9);
    assertEquals(1.0, f[0][1], 1e-9);
    assertEquals(1.0, f[2][0], 1e-9);
    assertEquals(0.0, f[2][1], 1e-9);
  }

  private static Survival.Member member(int number, double x, double y) {
    FrozenTrial t =
        new FrozenTrial(
            number,
            number,
            TrialState.COMPLETE,
            Map.of(),
            Map.of(),
            List.of(x, y),
            new TreeMap<>(),
            Map.of(),
            Map.of(),
            null,
            null);
    return new Survival.Member(t, new double[] {x, y}, 0, 0, 0);
  }
}
