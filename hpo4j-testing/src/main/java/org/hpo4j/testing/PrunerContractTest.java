package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Pruner} passes: a trial that reported nothing is never pruned; a trial
 * whose curve is the best at every step is never pruned, in either direction; one history gives one
 * decision sequence; several threads may share it. Extend it and implement {@link #newPruner()};
 * override {@link #newStorage()} to check that the pruner's state survives a storage round trip.
 *
 * <p>The curves: trial i reports a_i + b_i / (t + 1) at steps t = 0..26, a_i in [0.5, 2], b_i in
 * [0.5, 1.5]; trial {@link #BEST} reports 0.5 / (t + 1), below every other curve at every step.
 */
public abstract class PrunerContractTest {
  /** The number of the trial whose curve is the best at every step. */
  protected static final int BEST = 12;

  private static final int STEPS = 27;
  private static final int TRIALS = 24;

  /**
   * @return a new pruner under test
   */
  protected abstract Pruner newPruner();

  /**
   * @return the storage of each contract study; override to run the contract on a JDBC storage
   */
  protected Storage newStorage() {
    return Storages.inMemory();
  }

  private static double value(int trial, int step) {
    if (trial == BEST) {
      return 0.5 / (step + 1);
    }
    SplittableRandom r = new SplittableRandom(31L * trial + 7);
    double a = r.nextDouble(0.5, 2);
    double b = r.nextDouble(0.5, 1.5);
    return a + b / (step + 1);
  }

  private Study run(StudyDirection direction, int threads) {
    double sign = direction == StudyDirection.MINIMIZE ? 1 : -1;
    Study study =
        Study.builder()
            .direction(direction)
            .pruner(newPruner())
            .sampler(RandomSampler.builder().seed(0).build())
            .storage(newStorage())
            .catchExceptions(false)
            .build();
    study.optimize(
        trial -> {
          double v = 0;
          for (int t = 0; t < STEPS; t++) {
            v = sign * value(trial.number(), t);
            trial.report(t, v);
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return v;
        },
        OptimizeOptions.trials(TRIALS).threads(threads));
    return study;
  }

  @Test
  void shouldPrune_nothingReported_false() {
    Study study = run(StudyDirection.MINIMIZE, 1);
    study.ask();
    FrozenTrial fresh = study.trials().get(TRIALS);
    assertFalse(newPruner().shouldPrune(study, fresh));
  }

  @Test
  void shouldPrune_bestCurveEveryStep_neverPruned_minimize() {
    Study study = run(StudyDirection.MINIMIZE, 1);
    assertEquals(TrialState.COMPLETE, study.trials().get(BEST).state());
    assertEquals(BEST, study.best().number());
  }

  @Test
  void shouldPrune_bestCurveEveryStep_neverPruned_maximize() {
    Study study = run(StudyDirection.MAXIMIZE, 1);
    assertEquals(TrialState.COMPLETE, study.trials().get(BEST).state());
    assertEquals(BEST, study.best().number());
  }

  @Test
  void shouldPrune_sameHistory_sameDecisions() {
    List<TrialState> a =
        run(StudyDirection.MINIMIZE, 1).trials().stream().map(FrozenTrial::state).toList();
    List<TrialState> b =
        run(StudyDirection.MINIMIZE, 1).trials().stream().map(FrozenTrial::state).toList();
    assertEquals(a, b);
  }

  @Test
  void shouldPrune_twoThreads_everyTrialFinishesCleanly() {
    Study study = run(StudyDirection.MINIMIZE, 2);
    assertEquals(TRIALS, study.trials().size());
    assertTrue(
        study.trials().stream()
            .allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED),
        "no FAIL, no RUNNING");
  }
}
