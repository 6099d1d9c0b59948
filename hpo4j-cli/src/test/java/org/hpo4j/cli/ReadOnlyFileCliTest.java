package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repro 7: the commands that only read work on a database file the user may not write, and leave it
 * as it was.
 */
class ReadOnlyFileCliTest {
  @TempDir Path dir;

  @Test
  void readOnlyCommands_readOnlyFile_workAndChangeNothing() throws Exception {
    Path db = dir.resolve("hpo.db");
    String url = "sqlite:" + db;
    assertEquals(
        0,
        CliRun.of("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "3")
            .code());
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    byte[] before = Files.readAllBytes(db);
    CliRun list = CliRun.of("studies", "list", "--storage", url);
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("branin-quick"), list.out());
    CliRun show = CliRun.of("studies", "show", "branin-quick", "--storage", url);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("COMPLETE=3"), show.out());
    CliRun export = CliRun.of("studies", "export", "branin-quick", "--storage", url);
    assertEquals(0, export.code(), export.err());
    assertEquals(4, export.out().strip().split("\n").length, export.out());
    CliRun report =
        CliRun.of(
            "report",
            "--study",
            "branin-quick",
            "--storage",
            url,
            "-o",
            dir.resolve("r.html").toString());
    assertEquals(0, report.code(), report.err());
    assertArrayEquals(before, Files.readAllBytes(db), "a read-only command changed the file");
    CliRun run =
        CliRun.of("run", "../examples/branin-quick.yaml", "--storage", url, "--trials", "4");
    assertNotEquals(0, run.code());
    assertTrue(run.err().contains("read-only"), run.err());
  }
}
