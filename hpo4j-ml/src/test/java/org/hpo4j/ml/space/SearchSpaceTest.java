package org.hpo4j.ml.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .intRange("depth", 2, 10, false)
      .floatRange("lr", 0.001, 0.1, true)
      .stringChoice("optimizer", "sgd", "adam")
      .build();

  @Test
  void withOverrides_scalar_fixesValue() {
    SearchSpace s = SPACE.withOverrides(Map.of("depth", 4, "optimizer", "adam"));
    assertEquals(new ParamSpec.Fixed(4L), s.spec("depth"));
    assertEquals(4, s.suggestInt(Suggester.fixed(Map.of()), "depth"));
    assertEquals("adam", s.suggestString(Suggester.fixed(Map.of()), "optimizer"));
  }

  @Test
  void withOverrides_rangeMap_keepsDeclaredType() {
    SearchSpace s = SPACE.withOverrides(Map.of("depth", Map.of("low", 3, "high", 5),
        "lr", Map.of("low", 0.01, "high", 0.2, "log", true)));
    assertEquals(new ParamSpec.IntRange(3, 5, false), s.spec("depth"));
    assertEquals(new ParamSpec.FloatRange(0.01, 0.2, true), s.spec("lr"));
  }

  @Test
  void stringFixed_notTunedUntilOverriddenWithinAllowed() {
    SearchSpace s = SearchSpace.builder().stringFixed("kind", "a", "a", "b", "c").build();
    assertEquals("a", s.suggestString(Suggester.fixed(Map.of()), "kind"));
    assertEquals(new ParamSpec.Choice(List.of("a", "c")),
        s.withOverrides(Map.of("kind", List.of("a", "c"))).spec("kind"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> s.withOverrides(Map.of("kind", List.of("a", "d"))));
    assertEquals("'space.kind[1]' must be one of [a, b, c], but got 'd'", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().stringFixed("kind", "z", "a", "b"));
  }

  @Test
  void withOverrides_list_givesChoices() {
    SearchSpace s = SPACE.withOverrides(Map.of("depth", List.of(3, 6)));
    assertEquals(new ParamSpec.Choice(List.of(3L, 6L)), s.spec("depth"));
  }

  @Test
  void withOverrides_unknownName_throwsListingAllowed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("dept", 3)));
    assertTrue(e.getMessage().contains("'space.dept'"), e.getMessage());
    assertTrue(e.getMessage().contains("[depth, lr, optimizer]"), e.getMessage());
  }

  @Test
  void withOverrides_reversedBounds_throwsNamingField() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.1, "high", 0.01))));
    assertEquals("low <= high must hold for 'space.lr', but got low=0.1, high=0.01",
        e.getMessage());
  }

  @Test
  void withOverrides_wrongTypes_throwNamingField() {
    var e1 = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("depth", 2.5)));
    assertTrue(e1.getMessage().contains("'space.depth' must be an integer"), e1.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("optimizer", List.of("sgd", "rmsprop"))));
    assertTrue(e2.getMessage().contains("'space.optimizer[1]' must be one of [sgd, adam]"),
        e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.0, "high", 1.0, "log", true))));
    assertTrue(e3.getMessage().contains("low > 0"), e3.getMessage());
    var e4 = assertThrows(IllegalArgumentException.class,
        () -> SPACE.withOverrides(Map.of("lr", Map.of("low", 0.1, "hi", 1.0))));
    assertTrue(e4.getMessage().contains("'space.lr.hi'"), e4.getMessage());
  }

  @Test
  void fixedSuggester_missingOrOutOfRange_throws() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.suggestInt(Suggester.fixed(Map.of("depth", 11)), "depth"));
    assertTrue(e.getMessage().contains("'depth' must be in [2, 10]"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> SPACE.suggestDouble(Suggester.fixed(Map.of()), "lr"));
    assertTrue(e2.getMessage().contains("'lr' is needed"), e2.getMessage());
  }
}
