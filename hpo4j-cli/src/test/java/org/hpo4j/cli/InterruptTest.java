package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM on {@code hpo run -- CMD}: the running trial is marked FAIL, the command's
 * process is ended, the CLI says so and exits 130 / 143. Runs the CLI in its own JVM.
 */
class InterruptTest {
  @TempDir Path dir;

  private void interrupt(String signal, int expectedCode) throws Exception {
    Path space = dir.resolve("space.yaml");
    Files.writeString(space, "t: {low: 300, high: 301}\n");
    Path db = dir.resolve(signal + ".db");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process hpo =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                Hpo.class.getName(),
                "run",
                "--space",
                space.toString(),
                "--storage",
                "sqlite:" + db,
                "--trials",
                "3",
                "--",
                "sleep",
                "{t}")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(signal + ".log").toFile())
            .start();
    Optional<ProcessHandle> sleep = Optional.empty();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (sleep.isEmpty() && hpo.isAlive() && Instant.now().isBefore(deadline)) {
      sleep =
          hpo.descendants()
              .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
              .findFirst();
      Thread.sleep(50); // polling another process: no clock to inject
    }
    assertTrue(
        sleep.isPresent(),
        "the trial's program started: " + Files.readString(dir.resolve(signal + ".log")));
    new ProcessBuilder("kill", "-" + signal, Long.toString(hpo.pid())).start().waitFor();
    assertTrue(hpo.waitFor(30, TimeUnit.SECONDS), "hpo ended");
    String log = Files.readString(dir.resolve(signal + ".log"));
    assertEquals(expectedCode, hpo.exitValue(), log);
    assertTrue(log.contains("interrupted by SIG" + signal + ": trial(s) [0] marked FAIL"), log);
    assertTrue(sleep.get().onExit().get(10, TimeUnit.SECONDS) != null);
    assertFalse(sleep.get().isAlive(), "the command's process was ended");
    try (Storage st = Storages.open("sqlite:" + db)) {
      long id = st.findStudy("space").orElseThrow();
      List<FrozenTrial> trials = st.trials(id, java.util.EnumSet.allOf(TrialState.class));
      assertEquals(1, trials.size());
      assertEquals(TrialState.FAIL, trials.get(0).state());
      assertEquals("interrupted by SIG" + signal, trials.get(0).systemAttrs().get("fail_reason"));
    }
  }

  @Test
  void sigterm_marksTheRunningTrialFailEndsTheCommandAndExits143() throws Exception {
    interrupt("TERM", 143);
  }

  @Test
  void sigint_marksTheRunningTrialFailEndsTheCommandAndExits130() throws Exception {
    interrupt("INT", 130);
  }
}
