package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

/**
 * Each conditional function at its stated minimiser equals its optimum, and the constrained ones
 * hold there.
 */
class ConditionalFunctionsTest {

  private static FrozenTrial at(String name, Map<String, Object> params) {
    Study study = Study.builder().build();
    study.enqueueTrial(params);
    BenchmarkFunction f = BenchmarkFunctions.byName(name);
    study.optimize(f::evaluate, 1);
    return study.trials().get(0);
  }

  private static double regret(String name, Map<String, Object> params) {
    return at(name, params).value() - BenchmarkFunctions.byName(name).optimum();
  }

  @Test
  void optima_atTheirMinimisers() {
    assertEquals(
        0,
        regret(
            "nas_cell",
            Map.of(
                "block",
                "inverted_residual",
                "lr",
                Math.pow(10, -2.5),
                "layers",
                16,
                "ir_expand",
                6.0,
                "ir_channels",
                32,
                "ir_se",
                0.25)),
        1e-12);
    assertEquals(
        0,
        regret(
            "optimizer_tune",
            Map.of(
                "optimizer",
                "adam",
                "batch_size",
                64,
                "weight_decay",
                1e-5,
                "adam_lr",
                1e-3,
                "beta1",
                0.9,
                "beta2",
                0.999,
                "eps",
                1e-8)),
        1e-12);
    assertEquals(
        0,
        regret(
            "nested_models",
            Map.of(
                "model",
                "boosting",
                "n_estimators",
                100,
                "max_depth",
                6,
                "booster",
                "dart",
                "rate_drop",
                0.1,
                "skip_drop",
                0.5)),
        1e-12);
    assertEquals(
        0,
        regret(
            "training_recipe",
            Map.of(
                "epochs",
                100,
                "label_smoothing",
                0.1,
                "augment",
                "randaugment",
                "ra_ops",
                2,
                "ra_magnitude",
                9,
                "schedule",
                "cosine",
                "warmup",
                5,
                "min_lr_ratio",
                1e-2)),
        1e-12);
  }

  @Test
  void constrainedOptima_areFeasibleAndTheUnconstrainedOnesAreNot() {
    Map<String, Object> nas =
        Map.of(
            "block",
            "bottleneck",
            "lr",
            Math.pow(10, -1.5),
            "layers",
            12,
            "bn_width",
            128,
            "bn_ratio",
            0.25,
            "bn_groups",
            4);
    FrozenTrial t = at("nas_latency", nas);
    assertTrue(Constraints.isFeasible(t));
    assertEquals(0, t.value() - BenchmarkFunctions.byName("nas_latency").optimum(), 1e-12);
    assertTrue(
        !Constraints.isFeasible(
            at(
                "nas_latency",
                Map.of(
                    "block",
                    "inverted_residual",
                    "lr",
                    0.003,
                    "layers",
                    16,
                    "ir_expand",
                    6.0,
                    "ir_channels",
                    32,
                    "ir_se",
                    0.25))));
    Map<String, Object> opt =
        Map.of(
            "optimizer",
            "adam",
            "batch_size",
            32,
            "weight_decay",
            1e-5,
            "adam_lr",
            1e-3,
            "beta1",
            0.9,
            "beta2",
            0.999,
            "eps",
            1e-8);
    FrozenTrial o = at("optimizer_memory", opt);
    assertTrue(Constraints.isFeasible(o));
    assertEquals(0, o.value() - BenchmarkFunctions.byName("optimizer_memory").optimum(), 1e-12);
  }

  @Test
  void suite_hasFourConditionalAndTwoConstrainedFunctions() {
    assertEquals(
        List.of(
            "nas_cell",
            "optimizer_tune",
            "nested_models",
            "training_recipe",
            "nas_latency",
            "optimizer_memory"),
        ConditionalFunctions.all().stream().map(BenchmarkFunction::name).toList());
    assertEquals(8, BenchmarkFunctions.all().size());
  }
}
