package org.hpo4j.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunersTest {

  @Test
  void create_ashaFromStudyFileMap_buildsConfiguredPruner() {
    Pruner p = Pruners.create(Map.of("type", "asha", "min_resource", 1, "reduction_factor", 3));
    assertEquals(
        "SuccessiveHalvingPruner(min_resource=1, reduction_factor=3, min_early_stopping_rate=0)",
        p.toString());
  }

  @Test
  void create_everyType_builds() {
    assertSame(Pruner.none(), Pruners.create("none", null));
    assertInstanceOf(PercentilePruner.class, Pruners.create("median", Map.of("warmup_steps", 2)));
    assertInstanceOf(
        PercentilePruner.class, Pruners.create("percentile", Map.of("percentile", 25.0)));
    assertInstanceOf(ParetoPercentilePruner.class, Pruners.create("multi-objective", Map.of()));
    assertInstanceOf(SuccessiveHalvingPruner.class, Pruners.create("Successive_Halving", Map.of()));
    BracketedPruner hb =
        (BracketedPruner) Pruners.create("hyperband", Map.of("max_resource", 27, "seed", 3));
    assertEquals(4, hb.bracketCount());
    assertInstanceOf(WilcoxonPruner.class, Pruners.create("wilcoxon", Map.of("p_threshold", 0.05)));
    assertInstanceOf(
        ThresholdPruner.class, Pruners.create("threshold", Map.of("upper", "10", "lower", "-inf")));
    Map<String, Object> patient = new LinkedHashMap<>();
    patient.put("patience", 3);
    patient.put("wrapped", Map.of("type", "median"));
    assertTrue(
        Pruners.create("patient", patient)
            .toString()
            .startsWith("PatientPruner(PercentilePruner(50.0"));
  }

  @Test
  void create_unknownType_namesAllowedTypes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Pruners.create("ashaa", Map.of()));
    assertEquals(
        "pruner type must be one of none, median, percentile, pareto, multi_objective, asha,"
            + " successive_halving, hyperband, wilcoxon, threshold, patient, but got 'ashaa'",
        e.getMessage());
  }

  @Test
  void create_unknownKey_namesKeyAndAllowedOnes() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Pruners.create("asha", Map.of("min_resorce", 1)));
    assertEquals(
        "pruner 'asha' has no option 'min_resorce'; allowed: min_resource, reduction_factor,"
            + " min_early_stopping_rate",
        e.getMessage());
  }

  @Test
  void create_badValue_namesKeyAndValue() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pruners.create("asha", Map.of("reduction_factor", 2.5)));
    assertEquals(
        "pruner 'asha': option 'reduction_factor' must be an integer, but got '2.5'",
        e.getMessage());
    var r =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pruners.create("asha", Map.of("reduction_factor", 1)));
    assertEquals("reduction_factor >= 2 must hold, but got reduction_factor=1", r.getMessage());
  }

  @Test
  void create_missingRequired_namesIt() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> Pruners.create("hyperband", Map.of()));
    assertEquals("pruner 'hyperband' needs option 'max_resource' (an integer)", e.getMessage());
    var t =
        assertThrows(
            IllegalArgumentException.class, () -> Pruners.create(Map.of("min_resource", 1)));
    assertTrue(
        t.getMessage().startsWith("pruner needs a 'type', one of none, median"), t.getMessage());
  }

  @Test
  void create_patientWrappedNotAMap_explains() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pruners.create("patient", Map.of("patience", 2, "wrapped", "median")));
    assertEquals(
        "pruner 'patient': option 'wrapped' must be a pruner map with a 'type', but got 'median'",
        e.getMessage());
  }
}
