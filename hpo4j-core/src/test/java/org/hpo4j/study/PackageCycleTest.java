package org.hpo4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The algorithm packages (sampler.tpe, sampler.moo, sampler.cmaes, ...) read the study; the study
 * must know samplers only through the seam in {@code org.hpo4j.sampler} ({@code Sampler}, {@code
 * Samplers}, {@code SeededStreams}), or the two import each other. The Pareto maths the study needs
 * live in hpo4j-math ({@code org.hpo4j.math.pareto}) for that reason.
 */
class PackageCycleTest {
  private static final Pattern ALGORITHM_PACKAGE =
      Pattern.compile("org\\.hpo4j\\.sampler\\.[a-z]\\w*\\.");

  @Test
  void studyPackage_namesNoSamplerAlgorithmPackage() throws IOException {
    Path dir = Path.of("src/main/java/org/hpo4j/study");
    List<String> offenders;
    try (Stream<Path> files = Files.list(dir)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream()
                          .filter(l -> ALGORITHM_PACKAGE.matcher(l).find())
                          .map(l -> f.getFileName() + ": " + l.strip());
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertEquals(List.of(), offenders, "org.hpo4j.study must not name a sampler algorithm package");
  }
}
