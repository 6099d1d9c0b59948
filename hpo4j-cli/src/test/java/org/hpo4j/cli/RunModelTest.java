package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpo run} on a real model: the closing table, the YAML of the best, the held-out score. */
class RunModelTest {
  private static final Pattern HOLDOUT =
      Pattern.compile("held-out test accuracy ([0-9.]+) on (\\d+) rows");
  private static final Pattern BEST = Pattern.compile("best trial \\d+: value ([0-9.]+)");

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), p + " not in: " + text);
    return m.group(1);
  }

  @Test
  void run_xgboostIris_printsTopTableYamlAndHoldout(@TempDir Path dir) throws Exception {
    Path best = dir.resolve("best.yaml");
    CliRun r =
        run(
            "run",
            "../examples/xgboost-iris.yaml",
            "--storage",
            "memory",
            "--trials",
            "3",
            "--save-best",
            best.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("top 3 trials:"), r.out());
    // the iris example tunes the booster: every trial has one, and a learning rate
    assertTrue(r.out().contains("+-cv_std") && r.out().contains("learning_rate"), r.out());
    assertTrue(r.out().contains("  space:\n    booster: "), r.out());
    assertEquals(
        "30", HOLDOUT.matcher(r.out()).results().findFirst().orElseThrow().group(2), r.out());

    // fed back: the saved file re-runs exactly the best configuration, with no parameter left to
    // tune
    CliRun again = run("run", best.toString(), "--storage", "memory");
    assertEquals(0, again.code(), again.err());
    assertEquals(group(BEST, r.out()), group(BEST, again.out()));
    assertEquals(group(HOLDOUT, r.out()), group(HOLDOUT, again.out()));
    assertTrue(again.out().contains("none tuned"), again.out());
    assertTrue(Files.readString(best).contains("trials: 1"));
  }

  @Test
  void run_seedOverride_movesTheSplitAsWellAsTheSampler() {
    String pinned = "--trials=1";
    CliRun a =
        run("run", "../examples/xgboost-wine.yaml", "--storage", "memory", pinned, "--seed", "0");
    CliRun b =
        run("run", "../examples/xgboost-wine.yaml", "--storage", "memory", pinned, "--seed", "1");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertNotEquals(group(BEST, a.out()), group(BEST, b.out()));
  }
}
