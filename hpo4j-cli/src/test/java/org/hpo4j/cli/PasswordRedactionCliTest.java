package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repro 6: a known password, written in every form a storage URL takes (user-info, query option,
 * percent-encoded, jdbc:), must appear in no output, error, log record, stored study file, export
 * or report. (The fault suite, .ci/faults, repeats this against a real PostgreSQL with that
 * password, including the dashboard's pages.)
 */
class PasswordRedactionCliTest {
  private static final String SECRET = "Zq7Secret";
  private static final String ENCODED = "Zq7%53ecret"; // percent-encodes the 'S'
  @TempDir Path dir;
  private final List<String> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r.getMessage() + " " + r.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void release() {
    Logger.getLogger("").removeHandler(capture);
  }

  private void assertClean(String where, String text) {
    assertFalse(
        text.contains(SECRET) || text.contains(ENCODED) || text.contains("Zq7"),
        where + ": " + text);
  }

  @Test
  void everyOutput_knownPassword_neverShown() throws Exception {
    Path study = dir.resolve("s.yaml");
    Files.writeString(
        study,
        "name: s\ndirection: minimize\ntrials: 3\nstorage: postgresql://u:"
            + SECRET
            + "@127.0.0.1:1/x\nobjective:\n  function: branin\n");
    String url = "sqlite:" + dir.resolve("hpo.db");
    List<CliRun> runs = new ArrayList<>();
    runs.add(CliRun.of("run", study.toString(), "--storage", url));
    assertEquals(0, runs.get(0).code(), runs.get(0).err());
    runs.add(CliRun.of("worker", "--storage", url, "--study", "s", "--trials", "1"));
    runs.add(CliRun.of("studies", "show", "s", "--storage", url));
    runs.add(CliRun.of("studies", "export", "s", "--format", "json", "--storage", url));
    runs.add(CliRun.of("studies", "export", "s", "--storage", url));
    Path report = dir.resolve("report.html");
    runs.add(CliRun.of("report", "--study", "s", "--storage", url, "-o", report.toString()));
    for (String bad :
        new String[] {
          "postgresql://u:" + SECRET + "@127.0.0.1:1/x",
          "postgresql://u:" + ENCODED + "@127.0.0.1:1/x",
          "postgres://u@127.0.0.1:1/x?password=" + ENCODED,
          "postgresql://u@127.0.0.1:1/x?password=" + SECRET + "&bogus=1",
          "jdbc:postgresql://127.0.0.1:1/x?user=u&password=" + SECRET,
          "jdbc:postgresql://127.0.0.1:1/x?password=" + ENCODED + "&user=u"
        }) {
      CliRun r = CliRun.of("worker", "--storage", bad, "--study", "s", "--trials", "1");
      assertNotEquals(0, r.code());
      runs.add(r);
      runs.add(CliRun.of("studies", "list", "--storage", bad));
    }
    for (CliRun r : runs) {
      assertClean("stdout", r.out());
      assertClean("stderr", r.err());
    }
    assertClean("report", Files.readString(report));
    try (Storage st = Storages.open(url)) {
      long id = st.findStudy("s").orElseThrow();
      assertClean("stored study file", String.valueOf(st.studySystemAttrs(id)));
    }
    assertClean("log records", String.join("\n", logged));
  }

  @Test
  void describe_everyUrlForm_masksThePassword() {
    assertEquals(
        "jdbc:postgresql://h/db?user=u&password=***",
        StorageUrls.describe("jdbc:postgresql://h/db?user=u&password=" + SECRET));
    assertEquals(
        "postgresql://u@h/db?password=***",
        StorageUrls.describe("postgresql://u@h/db?password=" + ENCODED));
  }
}
