package org.hpo4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped datasets: {@code ../shared/data} from the repository root. */
public final class TestData {
  private TestData() {}

  public static Path path(String file) {
    String dir = System.getProperty("hpo4j.data.dir");
    Path base = dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "data");
    Path p = base.resolve(file).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("shipped dataset not found: " + p);
    }
    return p;
  }
}
