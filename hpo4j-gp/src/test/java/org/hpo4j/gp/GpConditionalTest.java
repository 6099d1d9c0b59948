package org.hpo4j.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyView;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.BenchmarkFunctions;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/** The GP on conditional, categorical and changing spaces, with constraints and bad input. */
class GpConditionalTest {

  /** Records what the wrapped sampler proposes jointly. */
  private static final class Recording implements Sampler {
    final Sampler inner;
    final List<Map<String, Double>> proposals = new ArrayList<>();

    Recording(Sampler inner) {
      this.inner = inner;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
      return inner.inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(
        StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
      Map<String, Double> p = inner.sampleRelative(study, trial, space);
      proposals.add(p);
      return p;
    }

    @Override
    public double sampleIndependent(
        StudyView study, FrozenTrial trial, String name, Distribution distribution) {
      return inner.sampleIndependent(study, trial, name, distribution);
    }
  }

  private static double best(Sampler sampler, BenchmarkFunction f, int trials) {
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(f::evaluate, trials);
    return study.trials().stream()
            .filter(t -> t.state() == TrialState.COMPLETE && Constraints.isFeasible(t))
            .mapToDouble(FrozenTrial::value)
            .min()
            .orElse(Double.POSITIVE_INFINITY)
        - f.optimum();
  }

  @Test
  void optimize_conditionalFunctions_beatRandom() {
    for (String name : List.of("nas_cell", "mixed_conditional")) {
      BenchmarkFunction f = BenchmarkFunctions.byName(name);
      double gp = best(GpSampler.builder().seed(3).build(), f, 40);
      double random = best(RandomSampler.builder().seed(3).build(), f, 40);
      assertTrue(gp < random, name + ": gp " + gp + " must beat random " + random);
    }
  }

  @Test
  void sampleRelative_nestedSpace_neverProposesAChildWithoutItsParent() {
    Recording r = new Recording(GpSampler.builder().seed(4).build());
    Study study = Study.builder().sampler(r).build();
    study.optimize(BenchmarkFunctions.byName("nested_models")::evaluate, 30);
    int children = 0;
    for (Map<String, Double> p : r.proposals) {
      if (p.isEmpty()) {
        continue;
      }
      // A child may be missing (a branch never tried yet is left to independent sampling), but it
      // never comes without its parent at the value that brings it.
      boolean boosting = p.get("model") == 0.0;
      assertTrue(!p.containsKey("booster") || boosting, p.toString());
      assertTrue(!p.containsKey("n_estimators") || boosting, p.toString());
      assertTrue(!p.containsKey("rate_drop") || boosting && p.get("booster") == 1.0, p.toString());
      assertTrue(!p.containsKey("subsample") || boosting && p.get("booster") == 0.0, p.toString());
      assertTrue(!p.containsKey("penalty") || p.get("model") == 1.0, p.toString());
      assertTrue(
          !p.containsKey("l1_ratio") || p.get("model") == 1.0 && p.get("penalty") == 2.0,
          p.toString());
      assertTrue(!p.containsKey("k") || p.get("model") == 2.0, p.toString());
      children +=
          p.containsKey("rate_drop") || p.containsKey("subsample") || p.containsKey("k") ? 1 : 0;
    }
    assertTrue(children >= 10, "the GP proposed branch parameters in " + children + " trials");
  }

  @Test
  void optimize_onlyCategoricalAndSingleValuedParameters_findsTheBest() {
    Study study = Study.builder().sampler(GpSampler.builder().seed(5).build()).build();
    study.optimize(
        t -> {
          String a = t.suggestCategorical("a", List.of("x", "y", "z"));
          String b = t.suggestCategorical("b", List.of("p", "q"));
          t.suggestCategorical("only", List.of("one"));
          return (a.equals("z") ? 0 : 1) + (b.equals("q") ? 0 : 0.5);
        },
        20);
    assertEquals(0.0, study.best().value());
  }

  @Test
  void optimize_allTrialsFailed_keepsProposingLegalValues() {
    Study study =
        Study.builder().sampler(GpSampler.builder().seed(6).nStartupTrials(3).build()).build();
    for (int i = 0; i < 8; i++) {
      Trial t = study.ask();
      double x = t.suggestFloat("x", 0, 1);
      assertTrue(x >= 0 && x <= 1);
      study.tell(t, TrialState.FAIL);
    }
    assertEquals(8, study.trials().size());
  }

  @Test
  void optimize_spaceChangesBetweenTrials_modelsNewAndWidenedParameters() {
    Recording r = new Recording(GpSampler.builder().seed(7).nStartupTrials(5).build());
    Study study = Study.builder().sampler(r).build();
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          return (x - 0.3) * (x - 0.3);
        },
        10);
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 2);
          long n = t.suggestInt("n", 1, 9);
          return (x - 1.5) * (x - 1.5) + 0.01 * (n - 4) * (n - 4);
        },
        15);
    assertTrue(r.proposals.get(r.proposals.size() - 1).containsKey("n"), r.proposals.toString());
    assertTrue(study.best().value() < 0.05, "best " + study.best().value());
  }

  @Test
  void optimize_infeasibleHistory_seeksFeasibility() {
    Study study =
        Study.builder().sampler(GpSampler.builder().seed(8).nStartupTrials(0).build()).build();
    for (double x : new double[] {0.6, 0.7, 0.8, 0.9, 0.95, 0.65, 0.75, 0.85}) {
      study.enqueueTrial(Map.of("x", x));
    }
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          t.setConstraints(x - 0.2);
          return -x;
        },
        14);
    List<FrozenTrial> proposed = study.trials().subList(8, 14);
    assertTrue(proposed.stream().anyMatch(Constraints::isFeasible), proposed.toString());
    double bestFeasible =
        study.trials().stream()
            .filter(Constraints::isFeasible)
            .mapToDouble(FrozenTrial::value)
            .min()
            .orElseThrow();
    assertTrue(bestFeasible < -0.1, "best feasible " + bestFeasible);
  }

  @Test
  void optimize_nanConstraint_failsThatTrialWithAClearMessageAndGoesOn() {
    Study study =
        Study.builder().sampler(GpSampler.builder().seed(9).nStartupTrials(4).build()).build();
    study.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          t.setConstraints(x < 0.3 ? Double.NaN : x - 0.8);
          return (x - 0.7) * (x - 0.7);
        },
        16);
    // The core rejects a NaN constraint (the trial fails, logged with the rule); the GP models the
    // trials that completed and keeps proposing.
    assertEquals(16, study.trials().size());
    assertTrue(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count() >= 4);
    assertTrue(
        Math.abs(study.best().internalParams().get("x") - 0.7) < 0.1, study.best().toString());
  }

  @Test
  void auto_conditionalAndMultiObjectiveStudies_useTheGp() {
    Sampler auto = org.hpo4j.sampler.Samplers.create("auto", 2, Map.of());
    Study study = Study.builder().sampler(auto).build();
    study.optimize(BenchmarkFunctions.byName("mixed_conditional")::evaluate, 12);
    assertTrue(auto.toString().contains("gp"), auto.toString());
    Sampler autoMo = org.hpo4j.sampler.Samplers.create("auto", 2, Map.of());
    Study mo =
        Study.builder()
            .directions(
                org.hpo4j.study.StudyDirection.MINIMIZE, org.hpo4j.study.StudyDirection.MINIMIZE)
            .sampler(autoMo)
            .build();
    mo.optimizeMulti(
        t -> new double[] {t.suggestFloat("x", 0, 1), 1 - t.suggestFloat("x", 0, 1)}, 3);
    assertTrue(autoMo.toString().contains("gp"), autoMo.toString());
  }
}
