package org.hpo4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.storage.TransientStorageException;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The study loop against a storage that fails: no finished result lost, no worker stopped. */
class StudyFaultsTest {
  private FaultyStorage storage;
  private Study study;
  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void setUp() {
    storage = new FaultyStorage(Storages.inMemory());
    study =
        Study.builder()
            .name("faults")
            .storage(storage)
            .sampler(RandomSampler.builder().seed(3).build())
            .build();
    // A clock that moves only when the retry sleeps: no test waits.
    study.retry(
        new Retry(
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofMinutes(10),
            d -> {
              sleeps.add(d);
              nanos.addAndGet(d.toNanos());
            },
            nanos::get));
  }

  private static double objective(Trial t) {
    return t.suggestFloat("x", 0, 1);
  }

  private List<FrozenTrial> trials(TrialState state) {
    return study.trials(EnumSet.of(state));
  }

  @Test
  void optimize_trialFailedBySweepWhileWorkerPaused_loopCarriesOnAndKeepsTheSweepsReason() {
    // Repro 1: the worker was stopped past the grace period; its trial 5 was failed behind its
    // back.
    storage.sweepBeforeFinish = id -> storage.inner.trial(id).number() == 5;
    study.optimize(StudyFaultsTest::objective, 20);
    assertEquals(20, study.trials().size());
    assertEquals(19, trials(TrialState.COMPLETE).size());
    FrozenTrial swept = study.trials().get(5);
    assertEquals(TrialState.FAIL, swept.state());
    assertEquals("its worker stopped sending heartbeats", swept.systemAttrs().get("fail_reason"));
  }

  @Test
  void optimize_objectiveFailsOnATrialSweptMeanwhile_sweepsReasonKept() {
    storage.sweepBeforeFinish = id -> true;
    study.optimize(
        t -> {
          t.suggestFloat("x", 0, 1);
          storage.inner.setSystemAttr(
              study.trials().get(t.number()).id(),
              "fail_reason",
              "its worker stopped sending heartbeats");
          storage.inner.finishTrial(
              study.trials().get(t.number()).id(), TrialState.FAIL, List.of());
          throw new IllegalStateException("only a RUNNING trial can be written");
        },
        3);
    assertEquals(3, trials(TrialState.FAIL).size());
    for (FrozenTrial t : study.trials()) {
      assertEquals("its worker stopped sending heartbeats", t.systemAttrs().get("fail_reason"));
    }
  }

  @Test
  void tell_trialFailedElsewhere_throwsAndKeepsTheSweepsReason() {
    Trial t = study.ask();
    long id = study.trials().get(0).id();
    storage.inner.setSystemAttr(id, "fail_reason", "swept");
    storage.inner.finishTrial(id, TrialState.FAIL, List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> study.tell(t, 1.0));
    assertTrue(e.getMessage().contains("finished elsewhere"), e.getMessage());
    assertEquals("swept", study.trials().get(0).systemAttrs().get("fail_reason"));
  }

  @Test
  void optimize_finishFailsTransientlyForAMinute_retriedUntilItLands() {
    // Repros 2-3: the database is away; the finished result waits for it.
    storage.failBefore.put("finish", 12);
    List<Double> returned = new ArrayList<>();
    study.optimize(
        t -> {
          double v = objective(t);
          returned.add(v);
          return v;
        },
        4);
    assertEquals(4, trials(TrialState.COMPLETE).size());
    assertEquals(returned, trials(TrialState.COMPLETE).stream().map(FrozenTrial::value).toList());
    assertEquals(12, sleeps.size());
    assertEquals(Duration.ofSeconds(5), sleeps.get(11), "backoff doubles up to its cap");
  }

  @Test
  void optimize_finishCommittedButItsAnswerLost_storedOnceAndCountedAsOurs() {
    storage.failAfterFinish = 2;
    List<FrozenTrial> told = new ArrayList<>();
    study.addCallback((s, t) -> told.add(t));
    study.optimize(StudyFaultsTest::objective, 3);
    assertEquals(3, trials(TrialState.COMPLETE).size());
    assertEquals(3, study.trials().size());
    assertEquals(3, told.size());
  }

  @Test
  void optimize_trialCreationLostByAServerCrash_resultRecordedAsANewTrial() {
    storage.loseAtFinish = id -> storage.inner.trial(id).number() == 1;
    List<Double> returned = new ArrayList<>();
    study.optimize(
        t -> {
          t.setUserAttr("token", "run-" + t.number());
          t.report(0, 0.5);
          double v = objective(t);
          returned.add(v);
          return v;
        },
        3);
    List<FrozenTrial> complete = trials(TrialState.COMPLETE);
    assertEquals(3, complete.size());
    assertEquals(
        returned.stream().sorted().toList(),
        complete.stream().map(FrozenTrial::value).sorted().toList());
    FrozenTrial again =
        complete.stream()
            .filter(t -> t.systemAttrs().containsKey("recorded_for_lost_trial"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, again.systemAttrs().get("recorded_for_lost_trial"));
    assertEquals("run-1", again.userAttrs().get("token"));
    assertEquals(0.5, again.intermediateValues().get(0));
    assertEquals(returned.get(1), again.value());
    assertEquals(returned.get(1), again.params().get("x"));
  }

  @Test
  void optimize_trialCreationFailsTransiently_retried() {
    storage.failBefore.put("create", 3);
    storage.failBefore.put("claim", 2);
    study.optimize(StudyFaultsTest::objective, 5);
    assertEquals(5, trials(TrialState.COMPLETE).size());
    assertEquals(List.of(0, 1, 2, 3, 4), study.trials().stream().map(FrozenTrial::number).toList());
  }

  @Test
  void optimize_storageAwayLongerThanThePatience_throwsTheStorageFailure() {
    storage.failBefore.put("finish", 1_000_000);
    assertThrows(
        TransientStorageException.class, () -> study.optimize(StudyFaultsTest::objective, 2));
    assertTrue(nanos.get() >= Duration.ofMinutes(10).toNanos());
  }

  @Test
  void optimize_nulInAParameterName_failsTheTrialWithAClearMessage() {
    study.optimize(t -> t.suggestFloat("a\0b", 0, 1), 1);
    FrozenTrial t = study.trials().get(0);
    assertEquals(TrialState.FAIL, t.state());
    String reason = t.systemAttrs().get("fail_reason").toString();
    assertTrue(reason.contains("parameter name must not contain the NUL character"), reason);
    assertFalse(reason.contains("\0"));
  }
}
