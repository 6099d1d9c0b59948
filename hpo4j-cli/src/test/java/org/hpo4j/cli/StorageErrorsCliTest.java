package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad storage seen from the command line: exit code 2 and one line naming the problem, no stack
 * trace.
 */
class StorageErrorsCliTest {
  @TempDir Path dir;

  private static CliRun hpo(String... args) {
    return CliRun.of(args);
  }

  private static void assertOneLine(CliRun r) {
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void run_studyNameClashWithOtherDirections_namesBoth() throws Exception {
    String url = "sqlite:" + dir.resolve("hpo.db");
    assertEquals(
        0, hpo("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "2").code());
    Path max = dir.resolve("clash.yaml");
    Files.writeString(
        max, "name: branin-quick\ndirection: maximize\nobjective: {function: branin}\n");
    CliRun r = hpo("run", max.toString(), "--storage", url, "--trials", "2");
    assertOneLine(r);
    assertTrue(
        r.err()
            .contains(
                "study 'branin-quick' is stored with directions [MINIMIZE], but [MAXIMIZE] were asked"),
        r.err());
  }

  @Test
  void run_readOnlyDatabaseFile_says() throws Exception {
    Path db = dir.resolve("ro.db");
    String url = "sqlite:" + db;
    assertEquals(
        0, hpo("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "1").code());
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    CliRun r = hpo("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "2");
    assertOneLine(r);
    assertTrue(
        r.err().startsWith("error: cannot open storage '" + url + "'")
            && r.err().contains("is read-only"),
        r.err());
  }

  @Test
  void worker_unreachablePostgres_namesUrlWithoutPassword() {
    CliRun r =
        hpo(
            "worker",
            "--storage",
            "postgresql://bob:secret@127.0.0.1:1/hpo",
            "--study",
            "s",
            "--trials",
            "1");
    assertOneLine(r);
    assertTrue(
        r.err().contains("cannot open storage 'postgresql://bob:***@127.0.0.1:1/hpo")
            && r.err().contains("the server cannot be reached"),
        r.err());
    assertFalse(r.err().contains("secret"), r.err());
  }
}
