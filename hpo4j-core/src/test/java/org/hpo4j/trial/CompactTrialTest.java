package org.hpo4j.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;

/**
 * The compact form of a trial behaves as the maps it replaced, and shares what trials have in
 * common.
 */
class CompactTrialTest {
  private static final FloatDistribution X = new FloatDistribution(0, 1);
  private static final IntDistribution N = new IntDistribution(1, 9, false, 1);

  private static FrozenTrial trial(int number, double x, double n) {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("x", x);
    params.put("n", n);
    Map<String, Distribution> dists = new LinkedHashMap<>();
    dists.put("n", N); // another order than params: the trial keeps params' order
    dists.put("x", new FloatDistribution(0, 1)); // equal, not the same instance
    return new FrozenTrial(
        number,
        number,
        TrialState.COMPLETE,
        params,
        dists,
        List.of(x),
        new TreeMap<>(),
        Map.of(),
        Map.of(),
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void params_compact_behaveAsTheLinkedMapTheyReplace() {
    FrozenTrial t = trial(0, 0.25, 3);
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("x", 0.25);
    expected.put("n", 3.0);
    assertEquals(expected, t.internalParams());
    assertEquals(t.internalParams(), expected);
    assertEquals(expected.hashCode(), t.internalParams().hashCode());
    assertEquals(List.of("x", "n"), List.copyOf(t.internalParams().keySet()));
    assertEquals(List.of("x", "n"), List.copyOf(t.distributions().keySet()));
    assertEquals(X, t.distributions().get("x"));
    assertNull(t.internalParams().get("y"));
    assertEquals(expected.toString(), t.internalParams().toString());
    assertThrows(UnsupportedOperationException.class, () -> t.internalParams().put("y", 1.0));
    assertEquals(Map.of("x", 0.25, "n", 3L), t.params(), "user values over the compact form");
    assertThrows(UnsupportedOperationException.class, () -> t.distributions().remove("x"));
  }

  @Test
  void distributions_sameParameters_oneSharedMap() {
    assertSame(trial(0, 0.1, 1).distributions(), trial(1, 0.9, 7).distributions());
  }

  @Test
  void inMemoryStorage_finishedTrials_readWithoutRefreezingAndWritableAgain() {
    Storage s = Storages.inMemory();
    long study = s.createStudy("compact", List.of(StudyDirection.MINIMIZE));
    long id = s.createTrial(study, Map.of(), false).id();
    s.setParam(id, "x", 0.5, X);
    s.setIntermediateValue(id, 0, 2.0);
    s.finishTrial(id, TrialState.COMPLETE, List.of(1.0));
    FrozenTrial first = s.trials(study, null).get(0);
    assertSame(first, s.trials(study, null).get(0), "a finished trial is frozen once");
    assertSame(first, s.trials(study, Set.of(TrialState.COMPLETE)).get(0));
    s.setUserAttr(id, "note", "late");
    FrozenTrial after = s.trial(id);
    assertEquals("late", after.userAttrs().get("note"));
    assertEquals(Map.of("x", 0.5), after.internalParams());
    assertEquals(Map.of(0, 2.0), after.intermediateValues());
    assertEquals(List.of(1.0), after.values());
    assertEquals(TrialState.COMPLETE, after.state());
    assertEquals(first.start(), after.start());
    assertEquals(1, s.countTrials(study, Set.of(TrialState.COMPLETE)));
  }
}
