package org.hpo4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

/** Each function at its known minimiser equals the optimum of the spec (to the spec's digits). */
class BenchmarkFunctionsTest {

  private static double at(String name, Map<String, Object> params) {
    Study study = Study.builder().build();
    study.enqueueTrial(params);
    BenchmarkFunction f = BenchmarkFunctions.byName(name);
    study.optimize(f::evaluate, 1);
    return study.trials().get(0).value() - f.optimum();
  }

  private static Map<String, Object> xs(double... x) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      m.put("x" + i, x[i]);
    }
    return m;
  }

  @Test
  void optima_matchTheSpec() {
    assertEquals(0, at("branin", xs(Math.PI, 2.275)), 1e-5);
    assertEquals(0, at("branin", xs(-Math.PI, 12.275)), 1e-5);
    assertEquals(0, at("hartmann3", xs(0.114614, 0.555649, 0.852547)), 1e-4);
    assertEquals(
        0, at("hartmann6", xs(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)), 1e-4);
    assertEquals(0, at("rosenbrock4", xs(1, 1, 1, 1)), 0);
    assertEquals(0, at("ackley5", xs(0, 0, 0, 0, 0)), 1e-12);
    assertEquals(0, at("levy8", xs(1, 1, 1, 1, 1, 1, 1, 1)), 1e-12);
    double s = -2.903534;
    assertEquals(0, at("styblinski8", xs(s, s, s, s, s, s, s, s)), 1e-4);
    Map<String, Object> mc =
        new LinkedHashMap<>(
            Map.of(
                "optimizer",
                "adam",
                "lr",
                Math.pow(10, -2.5),
                "depth",
                6,
                "activation",
                "relu",
                "beta1",
                0.9));
    assertEquals(0, at("mixed_conditional", mc), 1e-12);
  }

  @Test
  void optima_areLowerBoundsOnRandomPoints() {
    for (BenchmarkFunction f : BenchmarkFunctions.all()) {
      Study study = Study.builder().build();
      study.optimize(f::evaluate, 200);
      assertTrue(study.bestValue() >= f.optimum() - 1e-6, f.name() + " went below its optimum");
    }
  }

  @Test
  void byName_unknown_listsKnownNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkFunctions.byName("sphere"));
    assertTrue(
        e.getMessage().contains("branin") && e.getMessage().contains("mixed_conditional"),
        e.getMessage());
  }

  @Test
  void all_hasTheEightFunctionsInSpecOrder() {
    assertEquals(
        List.of(
            "branin",
            "hartmann3",
            "hartmann6",
            "rosenbrock4",
            "ackley5",
            "levy8",
            "styblinski8",
            "mixed_conditional"),
        BenchmarkFunctions.all().stream().map(BenchmarkFunction::name).toList());
  }
}
