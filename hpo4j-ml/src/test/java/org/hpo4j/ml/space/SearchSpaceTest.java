package org.hpo4j.ml.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FixedTrial;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder()
          .intRange("depth", 2, 10, false)
          .floatRange("lr", 0.001, 0.1, true)
          .stringChoice("optimizer", "sgd", "adam")
          .build();

  @Test
  void withOverrides_scalar_fixesValue() {
    SearchSpace s = SPACE.withOverrides(Map.of("depth", 4, "optimizer", "adam"));
    assertEquals(Optional.of(4L), s.fixedValue("depth"));
    assertEquals(4, s.suggestInt(FixedTrial.of(Map.of()), "depth"));
    assertEquals("adam", s.suggestString(FixedTrial.of(Map.of()), "optimizer"));
  }

  @Test
  void withOverrides_rangeMap_keepsDeclaredType() {
    SearchSpace s =
        SPACE.withOverrides(
            Map.of(
                "depth",
                Map.of("low", 3, "high", 5),
                "lr",
                Map.of("low", 0.01, "high", 0.2, "log", true)));
    assertEquals(Optional.of(new IntDistribution(3, 5, false, 1)), s.distribution("depth"));
    assertEquals(Optional.of(new FloatDistribution(0.01, 0.2, true, null)), s.distribution("lr"));
  }

  @Test
  void stringFixed_notTunedUntilOverriddenWithinAllowed() {
    SearchSpace s = SearchSpace.builder().stringFixed("kind", "a", "a", "b", "c").build();
    assertEquals("a", s.suggestString(FixedTrial.of(Map.of()), "kind"));
    assertEquals(
        Optional.of(new CategoricalDistribution(List.of("a", "c"))),
        s.withOverrides(Map.of("kind", List.of("a", "c"))).distribution("kind"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> s.withOverrides(Map.of("kind", List.of("a", "d"))));
    assertEquals("'space.kind[1]' must be one of [a, b, c], but got 'd'", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchSpace.builder().stringFixed("kind", "z", "a", "b"));
  }

  @Test
  void withOverrides_list_givesChoices() {
    SearchSpace s = SPACE.withOverrides(Map.of("depth", List.of(3, 6)));
    assertEquals(
        Optional.of(new CategoricalDistribution(List.of(3L, 6L))), s.distribution("depth"));
  }

  @Test
  void withOverrides_unknownName_throwsListingAllowed() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.withOverrides(Map.of("dept", 3)));
    assertTrue(e.getMessage().contains("'space.dept'"), e.getMessage());
    assertTrue(e.getMessage().contains("[depth, lr, optimizer]"), e.getMessage());
  }

  @Test
  void withOverrides_reversedBounds_throwsNamingField() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.1, "high", 0.01))));
    assertEquals(
        "low <= high must hold for 'space.lr', but got low=0.1, high=0.01", e.getMessage());
  }

  @Test
  void withOverrides_wrongTypes_throwNamingField() {
    var e1 =
        assertThrows(
            IllegalArgumentException.class, () -> SPACE.withOverrides(Map.of("depth", 2.5)));
    assertTrue(e1.getMessage().contains("'space.depth' must be an integer"), e1.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.withOverrides(Map.of("optimizer", List.of("sgd", "rmsprop"))));
    assertTrue(
        e2.getMessage().contains("'space.optimizer[1]' must be one of [sgd, adam]"),
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.0, "high", 1.0, "log", true))));
    assertTrue(e3.getMessage().contains("low > 0"), e3.getMessage());
    var e4 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.1, "hi", 1.0))));
    assertTrue(e4.getMessage().contains("'space.lr.hi'"), e4.getMessage());
  }

  @Test
  void suggest_replayOutOfRangeOrMissing_throwsNamingParameter() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.suggestInt(FixedTrial.of(Map.of("depth", 11)), "depth"));
    assertTrue(e.getMessage().contains("'depth'") && e.getMessage().contains("11"), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SPACE.suggestDouble(FixedTrial.of(Map.of()), "lr"));
    assertTrue(e2.getMessage().contains("no value for 'lr'"), e2.getMessage());
  }

  @Test
  void suggest_asksTheTrialWithTheCoreDistribution_andNeverForAFixedValue() {
    SearchSpace s = SPACE.withOverrides(Map.of("optimizer", "adam"));
    FixedTrial t = FixedTrial.of(Map.of("depth", 4, "lr", 0.01));
    assertEquals(4, s.suggestInt(t, "depth"));
    assertEquals(0.01, s.suggestDouble(t, "lr"));
    assertEquals("adam", s.suggestString(t, "optimizer"));
    assertEquals(
        Map.of(
            "depth",
            new IntDistribution(2, 10, false, 1),
            "lr",
            new FloatDistribution(0.001, 0.1, true, null)),
        t.distributions());
  }

  @Test
  void studyOverSpace_conditionalParameter_neverSuggestedWithoutItsParent() {
    SearchSpace space =
        SearchSpace.builder()
            .stringChoice("optimizer", "sgd", "adam")
            .floatRange("momentum", 0.0, 0.9, false)
            .build();
    Study study = Study.builder().sampler(RandomSampler.builder().seed(5).build()).build();
    study.optimize(
        t -> {
          boolean sgd = space.suggestString(t, "optimizer").equals("sgd");
          return sgd ? space.suggestDouble(t, "momentum") : 1.0;
        },
        30);
    int withMomentum = 0;
    for (FrozenTrial t : study.trials()) {
      boolean sgd = t.params().get("optimizer").equals("sgd");
      assertEquals(sgd, t.params().containsKey("momentum"), t.params().toString());
      withMomentum += sgd ? 1 : 0;
    }
    assertTrue(withMomentum > 0 && withMomentum < 30, "both branches drawn: " + withMomentum);
  }

  @Test
  void parse_badRange_namesTheParameter() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.parse(Map.of("lr", Map.of("low", 0.0, "high", 1.0, "log", true))));
    assertEquals(
        "low > 0 must hold for 'space.lr' on a log scale, but got low=0.0", e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.parse(Map.of("opt", List.of("sgd", "sgd"))));
    assertTrue(
        e2.getMessage().contains("'space.opt'") && e2.getMessage().contains("distinct"),
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.parse(Map.of("d", Map.of("low", 1.5, "high", 3, "type", "int"))));
    assertTrue(e3.getMessage().startsWith("'space.d' is an int range"), e3.getMessage());
  }
}
