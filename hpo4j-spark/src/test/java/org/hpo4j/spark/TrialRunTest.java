package org.hpo4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/**
 * The driver's slot book-keeping, driven by hand the way executor tasks would (no Spark, no HTTP).
 */
class TrialRunTest {
  private final Study study =
      Study.builder()
          .name("run")
          .storage(Storages.inMemory())
          .sampler(RandomSampler.builder().seed(0).build())
          .build();

  private TrialRun run(int budget, Callback... callbacks) {
    return new TrialRun(study, budget, List.of(callbacks), new Progress(study, budget));
  }

  /** What a task does with a slot: ask, say so, evaluate, tell; returns the trial's id. */
  private long runTrial(TrialRun run, int job, int task, int attempt, int slot) {
    Trial t = study.ask();
    t.suggestFloat("x", 0, 1);
    long id = idOf(t.number());
    run.started(job, task, attempt, slot, id);
    study.tell(t, 1.0);
    return id;
  }

  private long idOf(int number) {
    return study.trials(null).stream()
        .filter(f -> f.number() == number)
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void slots_grantedUntilTheBudgetIsSpent_thenStop() {
    TrialRun run = run(3);
    int a = run.next(0, 0, 0, -1, -1);
    int b = run.next(0, 1, 0, -1, -1);
    long ida = runTrial(run, 0, 0, 0, a);
    int c = run.next(0, 0, 0, a, ida);
    long idb = runTrial(run, 0, 1, 0, b);
    assertEquals(-1, run.next(0, 1, 0, b, idb));
    long idc = runTrial(run, 0, 0, 0, c);
    assertEquals(-1, run.next(0, 0, 0, c, idc));
    assertEquals(List.of(0, 1, 2), List.of(a, b, c));
    assertEquals(3, run.finished().size());
    assertEquals(false, run.more());
  }

  @Test
  void stopFromACallback_grantsNoFurtherSlot() {
    TrialRun run = run(10, (s, t) -> s.stop());
    int a = run.next(0, 0, 0, -1, -1);
    long id = runTrial(run, 0, 0, 0, a);
    assertEquals(-1, run.next(0, 0, 0, a, id));
    assertEquals(1, run.finished().size());
    assertEquals(false, run.more());
  }

  @Test
  void newAttemptOfATask_failsTheLostTrial_enqueuesItsParameters_andGrantsItsSlotAgain() {
    TrialRun run = run(2);
    int a = run.next(0, 0, 0, -1, -1);
    Trial lost = study.ask();
    double x = lost.suggestFloat("x", 0, 1);
    run.started(0, 0, 0, a, idOf(lost.number())); // then its executor dies
    int again = run.next(0, 0, 1, -1, -1);
    assertEquals(a, again);
    FrozenTrial failed = study.trials(null).get(0);
    assertEquals(TrialState.FAIL, failed.state());
    assertEquals(true, failed.systemAttrs().get(TrialTask.LOST_ATTR));
    Trial rerun = study.ask();
    assertEquals(x, rerun.suggestFloat("x", 0, 1));
    // the superseded attempt, if it still runs, is told to stop and its report is ignored
    assertEquals(-1, run.next(0, 0, 0, a, failed.id()));
    assertEquals(0, run.finished().size());
    assertEquals(true, run.more());
  }

  @Test
  void newAttempt_afterTheLostOneFinishedItsTrial_countsThatTrialOnce() {
    TrialRun run = run(2);
    int a = run.next(0, 0, 0, -1, -1);
    runTrial(run, 0, 0, 0, a); // finished in the storage, but the report never reached the driver
    int next = run.next(0, 0, 1, -1, -1);
    assertEquals(1, next);
    assertEquals(1, run.finished().size());
    assertEquals(1, study.trials(EnumSet.of(TrialState.COMPLETE)).size());
  }

  @Test
  void jobEnded_failsTheTrialsItsTasksHeld_andCountsTheirSlots() {
    TrialRun run = run(3);
    int a = run.next(0, 0, 0, -1, -1);
    Trial held = study.ask();
    run.started(0, 0, 0, a, idOf(held.number()));
    run.jobEnded(0, false);
    assertEquals(TrialState.FAIL, study.trials(null).get(0).state());
    assertEquals(1, run.settled());
    assertEquals(2, run.remaining());
    assertEquals(0, run.finished().size());
  }

  @Test
  void jobCancelled_aTrialTheKillFailed_isNotReportedAsFinished() {
    TrialRun run = run(3);
    int a = run.next(0, 0, 0, -1, -1);
    Trial held = study.ask();
    run.started(0, 0, 0, a, idOf(held.number()));
    study.tell(held, TrialState.FAIL);
    run.jobEnded(0, true);
    assertEquals(0, run.finished().size());
    List<Integer> numbers = new ArrayList<>();
    study.trials(null).forEach(t -> numbers.add(t.number()));
    assertEquals(List.of(0), numbers);
  }

  @Test
  void callbackThatThrows_stopsTheRunAndIsKept() {
    RuntimeException boom = new IllegalStateException("boom");
    TrialRun run =
        run(
            5,
            (s, t) -> {
              throw boom;
            });
    int a = run.next(0, 0, 0, -1, -1);
    long id = runTrial(run, 0, 0, 0, a);
    assertEquals(-1, run.next(0, 0, 0, a, id));
    assertTrue(run.callbackFailure() == boom);
    assertTrue(study.isStopRequested());
  }
}
