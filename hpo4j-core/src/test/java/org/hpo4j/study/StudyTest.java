package org.hpo4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class StudyTest {

  private static double quadratic(Trial t) {
    double x = t.suggestFloat("x", -10, 10);
    return (x - 2) * (x - 2);
  }

  @Test
  void optimize_exceptionAndNaN_makeFailTrialsAndTheStudyGoesOn() {
    Study study = Study.builder().build();
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          if (t.number() % 3 == 0) {
            throw new IllegalStateException("boom");
          }
          return t.number() % 3 == 1 ? Double.NaN : x;
        },
        9);
    assertEquals(9, study.trials().size());
    assertEquals(6, study.trials(EnumSet.of(TrialState.FAIL)).size());
    assertEquals(3, study.completeTrials().size());
    assertTrue(study.trials().get(0).systemAttrs().get("fail_reason").toString().contains("boom"));
    assertTrue(study.trials().get(1).systemAttrs().get("fail_reason").toString().contains("NaN"));
  }

  @Test
  void optimize_catchExceptionsOff_rethrowsAfterRecordingFail() {
    Study study = Study.builder().catchExceptions(false).build();
    assertThrows(
        IllegalStateException.class,
        () ->
            study.optimize(
                t -> {
                  throw new IllegalStateException("boom");
                },
                5));
    assertEquals(1, study.trials().size());
    assertEquals(TrialState.FAIL, study.trials().get(0).state());
  }

  @Test
  void optimize_eightThreads_yieldsExactlyNTrialsWithDistinctNumbers() {
    Study study = Study.builder().sampler(RandomSampler.builder().seed(1).build()).build();
    Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    study.optimize(
        t -> {
          threads.add(Thread.currentThread().getName());
          Thread.sleep(1);
          return quadratic(t);
        },
        OptimizeOptions.trials(200).threads(8));
    List<FrozenTrial> all = study.trials();
    assertEquals(200, all.size());
    Set<Integer> numbers = new HashSet<>();
    all.forEach(t -> numbers.add(t.number()));
    assertEquals(200, numbers.size());
    assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    assertTrue(threads.size() > 1, "ran on " + threads);
  }

  @Test
  void optimize_sameSeed_sameTrace() {
    Study a = Study.builder().sampler(RandomSampler.builder().seed(42).build()).build();
    Study b = Study.builder().sampler(RandomSampler.builder().seed(42).build()).build();
    a.optimize(StudyTest::quadratic, 20);
    b.optimize(StudyTest::quadratic, 20);
    for (int i = 0; i < 20; i++) {
      assertEquals(a.trials().get(i).internalParams(), b.trials().get(i).internalParams());
    }
  }

  @Test
  void suggest_sameNameTwice_returnsSameValue_andIncompatibleThrows() {
    Study study = Study.builder().build();
    Trial t = study.ask();
    double x = t.suggestFloat("x", 0, 1);
    assertEquals(x, t.suggestFloat("x", 0, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("x", 0, 2));
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.suggestInt("x", 0, 1));
  }

  @Test
  void suggest_badRange_throwsNamingTheParameter() {
    Study study = Study.builder().build();
    Trial t = study.ask();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("lr", 0.1, 0.01, true));
    assertEquals("low <= high must hold for 'lr', but got low=0.1, high=0.01", e.getMessage());
  }

  @Test
  void suggest_sameNameAsAnotherKindInALaterTrial_throws() {
    Study study = Study.builder().build();
    study.optimize(t -> t.suggestFloat("units", 1, 10), 1);
    Trial t = study.ask();
    assertThrows(
        IllegalArgumentException.class, () -> t.suggestCategorical("units", List.of("a", "b")));
  }

  @Test
  void askTell_recordsValuesAndRejectsSecondTell() {
    Study study = Study.builder().direction(StudyDirection.MAXIMIZE).build();
    for (int i = 0; i < 5; i++) {
      Trial t = study.ask();
      double x = t.suggestFloat("x", 0, 1);
      study.tell(t, x);
    }
    Trial t = study.ask();
    t.suggestFloat("x", 0, 1);
    study.tell(t, TrialState.FAIL);
    assertThrows(IllegalStateException.class, () -> study.tell(t, 1.0));
    assertEquals(6, study.trials().size());
    double best =
        study.completeTrials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
    assertEquals(best, study.bestValue());
  }

  @Test
  void tell_wrongNumberOfValues_throws() {
    Study study =
        Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).build();
    Trial t = study.ask();
    assertThrows(IllegalArgumentException.class, () -> study.tell(t, 1.0));
  }

  @Test
  void enqueueTrial_fixedParamsAreEvaluatedFirst() {
    Study study = Study.builder().build();
    study.enqueueTrial(Map.of("x", 2.0));
    study.optimize(StudyTest::quadratic, 3);
    assertEquals(2.0, study.trials().get(0).param("x"));
    assertEquals(0.0, study.bestValue());
  }

  @Test
  void enqueueTrial_valueOutsideRange_failsTrialWithMessage() {
    Study study = Study.builder().build();
    study.enqueueTrial(Map.of("x", 20.0));
    study.optimize(StudyTest::quadratic, 1);
    FrozenTrial t = study.trials().get(0);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(t.systemAttrs().get("fail_reason").toString().contains("'x'"));
  }

  @Test
  void prunedTrial_keepsItsLastIntermediateValue() {
    Study study = Study.builder().build();
    study.optimize(
        t -> {
          t.report(0, 5.0);
          t.report(1, 4.0);
          throw new TrialPrunedException();
        },
        1);
    FrozenTrial t = study.trials().get(0);
    assertEquals(TrialState.PRUNED, t.state());
    assertEquals(List.of(4.0), t.values());
  }

  @Test
  void bestTrials_multiObjective_returnsTheParetoFront() {
    Study study =
        Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).build();
    double[][] points = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {6, 6}};
    for (double[] p : points) {
      Trial t = study.ask();
      study.tell(t, p);
    }
    Set<Integer> front = new HashSet<>();
    study.bestTrials().forEach(t -> front.add(t.number()));
    assertEquals(Set.of(0, 1, 2), front);
  }

  @Test
  void bestTrials_withConstraints_prefersFeasible() {
    Study study =
        Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).build();
    Trial a = study.ask();
    a.setConstraints(1.0);
    study.tell(a, 0, 0);
    Trial b = study.ask();
    b.setConstraints(-1.0);
    study.tell(b, 3, 3);
    assertEquals(List.of(1), study.bestTrials().stream().map(FrozenTrial::number).toList());
  }

  @Test
  void optimize_timeout_stopsStartingTrialsOnTheStudyClock() {
    MovingClock clock = new MovingClock();
    Study study = Study.builder().clock(clock).build();
    study.optimize(
        t -> {
          clock.advance(Duration.ofSeconds(30));
          return quadratic(t);
        },
        OptimizeOptions.trials(1_000).timeout(Duration.ofSeconds(100)));
    assertEquals(4, study.trials().size(), "trials start at 0, 30, 60 and 90 s; none at 120 s");
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends java.time.Clock {
    private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void callback_canStopTheStudy() {
    AtomicInteger seen = new AtomicInteger();
    Study study =
        Study.builder()
            .callback(
                (s, t) -> {
                  if (seen.incrementAndGet() == 7) {
                    s.stop();
                  }
                })
            .build();
    study.optimize(StudyTest::quadratic, 100);
    assertEquals(7, study.trials().size());
  }

  @Test
  void loadIfExists_resumesTheStoredStudy() {
    Storage storage = Storages.inMemory();
    Study first = Study.builder().name("resume").storage(storage).build();
    first.optimize(StudyTest::quadratic, 4);
    Study second = Study.builder().name("resume").storage(storage).loadIfExists(true).build();
    second.optimize(StudyTest::quadratic, 3);
    assertEquals(7, second.trials().size());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Study.builder()
                .name("resume")
                .storage(storage)
                .direction(StudyDirection.MAXIMIZE)
                .loadIfExists(true)
                .build());
  }

  @Test
  void optimize_badArguments_throw() {
    Study study = Study.builder().build();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> study.optimize(StudyTest::quadratic, 0))
            .getMessage()
            .contains("nTrials"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> study.optimize(StudyTest::quadratic, OptimizeOptions.trials(5).threads(0)))
            .getMessage()
            .contains("threads"));
  }
}
