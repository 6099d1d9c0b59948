package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} passes, written once: extend it and implement {@link
 * #newStorage()}. A storage that passes can hold studies for any sampler and any number of threads.
 */
public abstract class StorageContractTest {

  /**
   * @return a new, empty storage; closed after each test
   */
  protected abstract Storage newStorage() throws Exception;

  /** The storage under test. */
  protected Storage storage;

  @BeforeEach
  void openStorage() throws Exception {
    storage = newStorage();
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  private long study(String name) {
    return storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
  }

  @Test
  void createStudy_thenFind_returnsSameIdAndDirections() {
    long id = storage.createStudy("s1", List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE));
    assertEquals(Optional.of(id), storage.findStudy("s1"));
    assertEquals(List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), storage.directions(id));
    assertEquals(Optional.empty(), storage.findStudy("nope"));
    assertTrue(storage.studies().stream().anyMatch(s -> s.name().equals("s1") && s.id() == id));
  }

  @Test
  void createStudy_duplicateName_throws() {
    study("dup");
    assertThrows(DuplicateStudyException.class, () -> study("dup"));
  }

  @Test
  void deleteStudy_removesStudyAndTrials() {
    long id = study("gone");
    storage.createTrial(id, Map.of(), false);
    storage.deleteStudy(id);
    assertEquals(Optional.empty(), storage.findStudy("gone"));
    long again = study("gone");
    assertEquals(0, storage.trials(again, null).size());
  }

  @Test
  void createTrial_numbersAreSequentialPerStudy() {
    long a = study("a");
    long b = study("b");
    assertEquals(0, storage.createTrial(a, Map.of(), false).number());
    assertEquals(1, storage.createTrial(a, Map.of(), false).number());
    assertEquals(0, storage.createTrial(b, Map.of(), false).number());
    FrozenTrial t = storage.createTrial(a, Map.of(), false);
    assertEquals(2, t.number());
    assertEquals(TrialState.RUNNING, t.state());
    assertTrue(t.start() != null);
  }

  @Test
  void createTrial_concurrently_numbersHaveNoGapsOrDuplicates() throws Exception {
    long id = study("concurrent");
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Integer>>> jobs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        jobs.add(
            () -> {
              List<Integer> numbers = new ArrayList<>();
              for (int k = 0; k < perThread; k++) {
                numbers.add(storage.createTrial(id, Map.of(), false).number());
              }
              return numbers;
            });
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : pool.invokeAll(jobs)) {
        all.addAll(f.get());
      }
      Collections.sort(all);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < threads * perThread; i++) {
        expected.add(i);
      }
      assertEquals(expected, all);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void setParam_roundTripsEveryDistributionKind() {
    long id = study("params");
    long t = storage.createTrial(id, Map.of(), false).id();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    dists.put("lr", new FloatDistribution(1e-5, 1, true, null));
    dists.put("dropout", new FloatDistribution(0, 0.5, false, 0.1));
    dists.put("layers", new IntDistribution(1, 9, false, 2));
    dists.put("units", new IntDistribution(8, 512, true, 1));
    dists.put("act", new CategoricalDistribution(List.of("relu", 3, 2.5, true)));
    double[] values = {1e-3, 0.2, 5, 64, 2};
    int i = 0;
    for (Map.Entry<String, Distribution> e : dists.entrySet()) {
      storage.setParam(t, e.getKey(), values[i++], e.getValue());
    }
    FrozenTrial ft = storage.trial(t);
    assertEquals(
        List.copyOf(dists.keySet()),
        List.copyOf(ft.internalParams().keySet()),
        "parameter order is kept");
    assertEquals(dists, ft.distributions());
    assertEquals(1e-3, ft.internalParams().get("lr"), 0.0);
    assertEquals(2.5, ft.param("act"));
    assertEquals(64L, ft.param("units"));
  }

  @Test
  void finishTrial_isCompareAndSet() {
    long id = study("cas");
    long t = storage.createTrial(id, Map.of(), false).id();
    assertTrue(storage.finishTrial(t, TrialState.COMPLETE, List.of(1.5)));
    assertFalse(storage.finishTrial(t, TrialState.FAIL, List.of()));
    FrozenTrial ft = storage.trial(t);
    assertEquals(TrialState.COMPLETE, ft.state());
    assertEquals(List.of(1.5), ft.values());
    assertTrue(ft.complete() != null);
  }

  @Test
  void finishTrial_concurrently_exactlyOneWins() throws Exception {
    long id = study("race");
    long t = storage.createTrial(id, Map.of(), false).id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        double v = i;
        jobs.add(() -> storage.finishTrial(t, TrialState.COMPLETE, List.of(v)));
      }
      int wins = 0;
      for (Future<Boolean> f : pool.invokeAll(jobs)) {
        wins += f.get() ? 1 : 0;
      }
      assertEquals(1, wins);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void setParam_afterFinish_throws() {
    long id = study("closed");
    long t = storage.createTrial(id, Map.of(), false).id();
    storage.finishTrial(t, TrialState.FAIL, List.of());
    assertThrows(
        IllegalStateException.class,
        () -> storage.setParam(t, "x", 0.5, new FloatDistribution(0, 1)));
    assertThrows(IllegalStateException.class, () -> storage.setIntermediateValue(t, 0, 1.0));
  }

  @Test
  void snapshot_doesNotChangeAfterLaterWrites() {
    long id = study("snap");
    long t = storage.createTrial(id, Map.of(), false).id();
    storage.setParam(t, "x", 0.25, new FloatDistribution(0, 1));
    FrozenTrial before = storage.trial(t);
    storage.setParam(t, "y", 0.5, new FloatDistribution(0, 1));
    storage.setIntermediateValue(t, 0, 3.0);
    storage.finishTrial(t, TrialState.COMPLETE, List.of(1.0));
    assertEquals(Set.of("x"), before.internalParams().keySet());
    assertEquals(TrialState.RUNNING, before.state());
    assertTrue(before.intermediateValues().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> before.internalParams().put("z", 1.0));
  }

  @Test
  void intermediateValues_firstReportOfAStepIsKept() {
    long id = study("inter");
    long t = storage.createTrial(id, Map.of(), false).id();
    storage.setIntermediateValue(t, 2, 0.5);
    storage.setIntermediateValue(t, 0, 0.9);
    storage.setIntermediateValue(t, 2, 0.1);
    FrozenTrial ft = storage.trial(t);
    assertEquals(List.of(0, 2), List.copyOf(ft.intermediateValues().keySet()));
    assertEquals(0.5, ft.intermediateValues().get(2), 0.0);
    assertEquals(2, ft.lastStep());
  }

  @Test
  void attributes_roundTripJsonLikeValues() {
    long id = study("attrs");
    long t = storage.createTrial(id, Map.of(), false).id();
    storage.setUserAttr(t, "s", "text");
    storage.setUserAttr(t, "n", 3);
    storage.setUserAttr(t, "b", true);
    storage.setUserAttr(t, "l", List.of(1, 2));
    storage.setSystemAttr(t, "m", Map.of("k", "v"));
    storage.finishTrial(t, TrialState.COMPLETE, List.of(0.0));
    storage.setUserAttr(t, "after", "finish is allowed for attributes");
    FrozenTrial ft = storage.trial(t);
    assertEquals("text", ft.userAttrs().get("s"));
    assertEquals(3, ((Number) ft.userAttrs().get("n")).intValue());
    assertEquals(true, ft.userAttrs().get("b"));
    assertEquals(2, ((List<?>) ft.userAttrs().get("l")).size());
    assertEquals("v", ((Map<?, ?>) ft.systemAttrs().get("m")).get("k"));
    assertEquals("finish is allowed for attributes", ft.userAttrs().get("after"));
  }

  @Test
  void trials_filterByStateAndOrderByNumber() {
    long id = study("filter");
    long[] ids = new long[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = storage.createTrial(id, Map.of(), false).id();
    }
    storage.finishTrial(ids[1], TrialState.COMPLETE, List.of(1.0));
    storage.finishTrial(ids[3], TrialState.PRUNED, List.of(2.0));
    storage.finishTrial(ids[4], TrialState.FAIL, List.of());
    assertEquals(List.of(1), numbers(storage.trials(id, EnumSet.of(TrialState.COMPLETE))));
    assertEquals(List.of(0, 2), numbers(storage.trials(id, EnumSet.of(TrialState.RUNNING))));
    assertEquals(List.of(0, 1, 2, 3, 4), numbers(storage.trials(id, null)));
    assertEquals(2, storage.countTrials(id, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)));
  }

  @Test
  void waitingTrial_isClaimedOnceWithItsFixedParams() throws Exception {
    long id = study("queue");
    storage.createTrial(id, Map.of("x", 0.5, "opt", "adam"), true);
    storage.createTrial(id, Map.of("x", 0.7), true);
    assertEquals(TrialState.WAITING, storage.trials(id, null).get(0).state());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Optional<FrozenTrial>>> jobs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        jobs.add(() -> storage.claimWaitingTrial(id));
      }
      Set<Integer> claimed = new HashSet<>();
      int empty = 0;
      for (Future<Optional<FrozenTrial>> f : pool.invokeAll(jobs)) {
        if (f.get().isPresent()) {
          FrozenTrial t = f.get().get();
          assertEquals(TrialState.RUNNING, t.state());
          assertTrue(claimed.add(t.number()), "claimed twice: " + t.number());
        } else {
          empty++;
        }
      }
      assertEquals(Set.of(0, 1), claimed);
      assertEquals(2, empty);
    } finally {
      pool.shutdownNow();
    }
    Map<?, ?> fixed = (Map<?, ?>) storage.trials(id, null).get(0).systemAttrs().get("fixed_params");
    assertEquals("adam", fixed.get("opt"));
    assertEquals(0.5, ((Number) fixed.get("x")).doubleValue(), 0.0);
  }

  @Test
  void studySystemAttrs_roundTripAndReplace() {
    long id = study("config");
    long other = study("other");
    assertEquals(Map.of(), storage.studySystemAttrs(id));
    storage.setStudySystemAttr(id, "study_file", "name: config\nobjective: {function: branin}\n");
    storage.setStudySystemAttr(id, "seed", 7);
    storage.setStudySystemAttr(id, "seed", 8);
    storage.setStudySystemAttr(id, "nested", Map.of("k", List.of(1, 2)));
    Map<String, Object> attrs = storage.studySystemAttrs(id);
    assertEquals(Set.of("study_file", "seed", "nested"), attrs.keySet());
    assertEquals("name: config\nobjective: {function: branin}\n", attrs.get("study_file"));
    assertEquals(
        8, ((Number) attrs.get("seed")).intValue(), "a key written twice keeps the last value");
    assertEquals(2, ((List<?>) ((Map<?, ?>) attrs.get("nested")).get("k")).size());
    assertEquals(Map.of(), storage.studySystemAttrs(other), "attributes belong to one study");
    storage.deleteStudy(id);
    assertThrows(RuntimeException.class, () -> storage.studySystemAttrs(id));
  }

  private static List<Integer> numbers(List<FrozenTrial> trials) {
    return trials.stream().map(FrozenTrial::number).toList();
  }
}
