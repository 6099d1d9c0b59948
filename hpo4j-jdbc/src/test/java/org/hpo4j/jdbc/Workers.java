package org.hpo4j.jdbc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link WorkerMain} in child JVMs on the test class path. */
final class Workers {
  private Workers() {}

  static Process start(Path logDir, String url, String study, int trials, long seed, int hangAt)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                cp,
                WorkerMain.class.getName(),
                url,
                study,
                Integer.toString(trials),
                Long.toString(seed),
                Integer.toString(hangAt)));
    File log = logDir.resolve("worker-" + seed + ".log").toFile();
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
  }

  static String log(Path logDir, long seed) {
    try {
      return Files.readString(logDir.resolve("worker-" + seed + ".log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
