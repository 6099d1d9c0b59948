package org.hpo4j.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class IntermediateVectorsTest {

  private static FrozenTrial trial(Map<Integer, Double> scalars, Map<String, Object> sys) {
    return new FrozenTrial(
        0,
        1,
        TrialState.RUNNING,
        Map.of(),
        Map.of(),
        List.of(),
        new TreeMap<>(scalars),
        Map.of(),
        sys,
        null,
        null);
  }

  @Test
  void at_stringKeys_readsOneStep() {
    FrozenTrial t =
        trial(Map.of(), Map.of(IntermediateVectors.KEY, Map.of("2", List.of(1.0, 2.0))));
    assertEquals(List.of(1.0, 2.0), IntermediateVectors.at(t, 2, 2));
    assertNull(IntermediateVectors.at(t, 3, 2));
    assertNull(IntermediateVectors.at(t, 2, 3), "another length is not this study's vector");
  }

  @Test
  void at_numericKeysAndBigDecimals_afterJsonRoundTrip_read() {
    FrozenTrial t =
        trial(
            Map.of(),
            Map.of(IntermediateVectors.KEY, Map.of(2L, List.of(new BigDecimal("1.5"), 3))));
    assertEquals(List.of(1.5, 3.0), IntermediateVectors.at(t, 2, 2));
    assertEquals(Map.of(2, List.of(1.5, 3.0)), IntermediateVectors.of(t, 2));
  }

  @Test
  void of_singleObjectiveWithoutVectors_readsScalars() {
    FrozenTrial t = trial(Map.of(0, 4.0, 1, 3.0), Map.of());
    assertEquals(Map.of(0, List.of(4.0), 1, List.of(3.0)), IntermediateVectors.of(t, 1));
    assertEquals(List.of(3.0), IntermediateVectors.at(t, 1, 1));
    assertEquals(Map.of(), IntermediateVectors.of(t, 2));
  }

  @Test
  void at_infinitiesWrittenAsStrings_read() {
    FrozenTrial t =
        trial(
            Map.of(),
            Map.of(IntermediateVectors.KEY, Map.of("0", List.of("Infinity", "-Infinity"))));
    assertEquals(
        List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
        IntermediateVectors.at(t, 0, 2));
    assertNull(IntermediateVectors.number("fast"));
  }
}
