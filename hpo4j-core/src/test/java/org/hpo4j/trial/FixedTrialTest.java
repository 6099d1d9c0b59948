package org.hpo4j.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpo4j.study.Objective;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

class FixedTrialTest {
  private static final Objective OBJECTIVE =
      t -> {
        String kind = t.suggestCategorical("kind", List.of("linear", "square"));
        double x = t.suggestFloat("x", -2, 2);
        int n = t.suggestInt("n", 1, 4);
        t.report(0, x);
        return (kind.equals("square") ? x * x : x) + n;
      };

  @Test
  void evaluate_replaysTheBestParametersOfAStudy() throws Exception {
    Study study = Study.builder().seed(3).build();
    study.optimize(OBJECTIVE, 25);
    FixedTrial replay = FixedTrial.of(study.bestParams());
    assertEquals(study.bestValue(), OBJECTIVE.evaluate(replay), 0.0);
    assertEquals(study.bestParams(), replay.params());
    assertFalse(replay.shouldPrune());
    assertEquals(1, replay.intermediateValues().size());
  }

  @Test
  void suggest_missingParameter_throwsNamingIt() {
    FixedTrial t = FixedTrial.of(Map.of("x", 0.5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.suggestInt("n", 1, 4));
    assertTrue(e.getMessage().contains("'n'"), e.getMessage());
  }

  @Test
  void suggest_valueOutsideTheDistribution_throwsNamingTheParameter() {
    FixedTrial t = FixedTrial.of(Map.of("x", 5.0, "kind", "cubic"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("x", -2, 2))
            .getMessage()
            .contains("'x'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> t.suggestCategorical("kind", List.of("linear", "square")))
            .getMessage()
            .contains("'kind'"));
  }

  @Test
  void suggestInt_acceptsAnIntegralNumberOfAnyBoxedType() {
    assertEquals(3, FixedTrial.of(Map.of("n", 3)).suggestInt("n", 1, 4));
    assertEquals(3, FixedTrial.of(Map.of("n", 3L)).suggestInt("n", 1, 4));
  }
}
