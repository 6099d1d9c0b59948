package org.hpo4j.pruner;

import static org.hpo4j.study.StudyDirection.MAXIMIZE;
import static org.hpo4j.study.StudyDirection.MINIMIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/** The two core hooks the pruners need: vector reports and the view's system-attribute write. */
class PrunerCoreHooksTest {

  private static Study twoObjectives(Pruner pruner) {
    return Study.builder()
        .directions(MINIMIZE, MAXIMIZE)
        .pruner(pruner)
        .storage(Storages.inMemory())
        .build();
  }

  @Test
  void reportVector_storedAsSystemAttrAndFirstValueAsScalar() {
    Study study = twoObjectives(Pruner.none());
    Trial trial = study.ask();
    trial.report(0, new double[] {1.5, 0.2});
    trial.report(3, new double[] {1.0, 0.4});
    trial.report(3, new double[] {9.0, 9.0});
    FrozenTrial t = study.trials().get(0);
    assertEquals(Map.of(0, List.of(1.5, 0.2), 3, List.of(1.0, 0.4)), IntermediateVectors.of(t, 2));
    assertEquals(Map.of(0, 1.5, 3, 1.0), t.intermediateValues());
  }

  @Test
  void reportVector_wrongLengthOrNaN_throwsNamingRule() {
    Study study = twoObjectives(Pruner.none());
    Trial trial = study.ask();
    var e = assertThrows(IllegalArgumentException.class, () -> trial.report(0, new double[] {1.0}));
    assertTrue(e.getMessage().startsWith("report needs 2 value(s) for study"), e.getMessage());
    var n =
        assertThrows(
            IllegalArgumentException.class, () -> trial.report(0, new double[] {1.0, Double.NaN}));
    assertEquals("report values must not be NaN at step 0, but got [1.0, NaN]", n.getMessage());
  }

  @Test
  void prunedMultiObjectiveTrial_keepsLastVectorAsValues() {
    Study study = twoObjectives((s, t) -> t.lastStep() >= 1);
    study.optimizeMulti(
        trial -> {
          for (int step = 0; step < 5; step++) {
            trial.report(step, new double[] {step, 10.0 * step});
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return new double[] {0, 0};
        },
        1);
    FrozenTrial t = study.trials().get(0);
    assertEquals(TrialState.PRUNED, t.state());
    assertEquals(List.of(1.0, 10.0), t.values());
  }

  @Test
  void setTrialSystemAttr_readOnlyView_throwsUnsupported() {
    StudyView view =
        new StudyView() {
          @Override
          public String name() {
            return "v";
          }

          @Override
          public List<StudyDirection> directions() {
            return List.of(MINIMIZE);
          }

          @Override
          public List<FrozenTrial> trials(Set<TrialState> states) {
            return List.of();
          }
        };
    Study study = Study.builder().storage(Storages.inMemory()).build();
    study.ask();
    FrozenTrial t = study.trials().get(0);
    assertThrows(UnsupportedOperationException.class, () -> view.setTrialSystemAttr(t, "k", 1));
    study.setTrialSystemAttr(t, "k", 1);
    assertEquals(1, study.trials().get(0).systemAttrs().get("k"));
  }

  @Test
  void asha_fourThreads_eachTrialJudgedConsistently() {
    Study study =
        Study.builder()
            .pruner(
                SuccessiveHalvingPruner.builder()
                    .minResource(1)
                    .reductionFactor(2)
                    .minEarlyStoppingRate(0)
                    .build())
            .storage(Storages.inMemory())
            .catchExceptions(false)
            .build();
    study.optimize(
        trial -> {
          double x = trial.suggestFloat("x", 0, 1);
          for (int step = 0; step < 16; step++) {
            trial.report(step, x + 1.0 / (step + 1));
            if (trial.shouldPrune()) {
              throw new TrialPrunedException();
            }
          }
          return x;
        },
        OptimizeOptions.trials(40).threads(4));
    for (FrozenTrial t : study.trials()) {
      int rungs = SuccessiveHalvingPruner.completedRungs(t);
      // rungs at steps 1, 2, 4, 8: a pruned trial stopped at the step of its last recorded rung
      if (t.state() == TrialState.PRUNED) {
        assertEquals(1L << (rungs - 1), t.lastStep(), "trial " + t.number());
      } else {
        assertEquals(TrialState.COMPLETE, t.state());
        assertEquals(4, rungs);
      }
    }
    assertTrue(study.trials().stream().anyMatch(t -> t.state() == TrialState.PRUNED));
  }
}
