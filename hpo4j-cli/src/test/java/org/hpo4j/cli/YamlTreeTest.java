package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
  @Test
  void read_scalarAlias_isTheAnchoredValue() throws IOException {
    // Repro 7: `y: *r` was read as the string "r".
    assertEquals(
        Map.of("x", Map.of("low", 0.5, "high", 2), "y", Map.of("low", 0.5, "high", 2)),
        YamlTree.read("x: &r {low: 0.5, high: 2}\ny: *r\n"));
    assertEquals(Map.of("a", 3, "b", 3), YamlTree.read("a: &n 3\nb: *n\n"));
  }

  @Test
  void read_mergeKey_addsTheAnchoredEntriesNotSetHere() throws IOException {
    assertEquals(
        Map.of("low", 1, "high", 5, "log", true),
        ((Map<?, ?>)
                YamlTree.read("base: &b {low: 0, high: 5}\nx:\n  <<: *b\n  low: 1\n  log: true\n"))
            .get("x"));
  }

  @Test
  void read_typesAsJackson() throws IOException {
    assertEquals(
        Map.of("i", 2, "f", 1.0e-4, "s", "tpe", "t", true, "l", List.of(1, "a")),
        YamlTree.read("i: 2\nf: 1.0e-4\ns: tpe\nt: true\nl: [1, a]\n"));
  }

  @Test
  void read_aliasWithoutAnchor_refused() {
    IOException e = assertThrows(IOException.class, () -> YamlTree.read("y: *r\n"));
    assertTrue(e.getMessage().contains("the alias *r names no anchor &r"), e.getMessage());
  }

  @Test
  void studyFile_aliasInTheSpace_givesTheSameParameterTwice() {
    StudyFile f =
        StudyFile.parse(
            "name: a\nobjective:\n  command: [echo, \"{x}\", \"{y}\"]\n"
                + "space:\n  x: &r {low: 0.0, high: 1.0}\n  y: *r\n",
            Path.of("a.yaml"));
    assertEquals(f.space().get("x"), f.space().get("y"));
  }
}
