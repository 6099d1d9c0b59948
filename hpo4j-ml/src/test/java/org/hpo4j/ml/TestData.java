package org.hpo4j.ml;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped datasets: {@code shared/data} beside the repository. */
public final class TestData {
  private TestData() {}

  /** The path of a shipped data file, e.g. {@code iris.csv}. */
  public static Path path(String file) {
    String dir = System.getProperty("hpo4j.data.dir");
    Path base = dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "data");
    Path p = base.resolve(file).normalize();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("shipped dataset not found: " + p.toAbsolutePath());
    }
    return p;
  }
}
