package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Sampler} passes: same seed, same study; values always legal;
 * conditional parameters never without their parent; categorical values always among the choices.
 * Extend it and implement {@link #newSampler(long)}.
 */
public abstract class SamplerContractTest {

  /**
   * @return a new sampler seeded with {@code seed}
   */
  protected abstract Sampler newSampler(long seed);

  /**
   * @return trials per contract study; raise it past a sampler's start-up phase
   */
  protected int trials() {
    return 30;
  }

  private Study run(long seed, BenchmarkFunction f) {
    Study study = Study.builder().sampler(newSampler(seed)).build();
    study.optimize(f::evaluate, trials());
    return study;
  }

  @Test
  void sameSeed_givesSameTrace() {
    BenchmarkFunction f = BenchmarkFunctions.byName("mixed_conditional");
    List<FrozenTrial> a = run(7, f).trials();
    List<FrozenTrial> b = run(7, f).trials();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).internalParams(), b.get(i).internalParams(), "trial " + i);
    }
  }

  @Test
  void differentSeeds_giveDifferentTraces() {
    BenchmarkFunction f = BenchmarkFunctions.byName("branin");
    assertFalse(
        run(1, f)
            .trials()
            .get(trials() - 1)
            .internalParams()
            .equals(run(2, f).trials().get(trials() - 1).internalParams()));
  }

  @Test
  void values_areAlwaysLegal() {
    RangeCheckingSampler checked = new RangeCheckingSampler(newSampler(3));
    Study study = Study.builder().sampler(checked).build();
    study.optimize(
        t -> {
          double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
          double drop = t.suggestFloat("drop", 0.0, 0.5, 0.05);
          long units = t.suggestInt("units", 16, 1024, true);
          long layers = t.suggestInt("layers", 1, 9, 2);
          String act = t.suggestCategorical("act", List.of("relu", "tanh", "gelu"));
          return Math.log10(lr) + drop + units * 1e-4 + layers * 0.1 + act.length();
        },
        trials());
    assertEquals(
        List.of(),
        checked.violations(),
        "proposals outside their distribution (the study would snap them)");
    for (FrozenTrial t : study.trials()) {
      assertEquals(TrialState.COMPLETE, t.state());
      t.internalParams()
          .forEach(
              (name, v) ->
                  assertTrue(
                      t.distributions().get(name).contains(v),
                      name + "=" + v + " outside " + t.distributions().get(name)));
      double drop = (Double) t.param("drop");
      assertEquals(Math.rint(drop / 0.05) * 0.05, drop, 1e-9, "drop on its step");
      assertEquals(1, ((Long) t.param("layers")) % 2, "layers on step 2 from 1");
      assertTrue(List.of("relu", "tanh", "gelu").contains((String) t.param("act")));
    }
  }

  @Test
  void conditionalParameters_neverAppearWithoutTheirParent() {
    Study study = run(5, BenchmarkFunctions.byName("mixed_conditional"));
    for (FrozenTrial t : study.trials()) {
      Map<String, Object> p = t.params();
      assertEquals(
          "adam".equals(p.get("optimizer")),
          p.containsKey("beta1"),
          "trial " + t.number() + ": " + p);
      assertEquals(
          "sgd".equals(p.get("optimizer")),
          p.containsKey("momentum"),
          "trial " + t.number() + ": " + p);
    }
  }
}
