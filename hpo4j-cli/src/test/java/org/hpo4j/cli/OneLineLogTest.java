package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneLineLogTest {
  private final StringWriter text = new StringWriter();
  private final Logger hpo4j = Logger.getLogger("org.hpo4j");
  private final Level before = hpo4j.getLevel();
  private OneLineLog handler;

  private void attach(boolean debug) {
    handler = new OneLineLog(new PrintWriter(text, true), debug);
    hpo4j.setLevel(debug ? Level.FINE : Level.INFO);
    hpo4j.addHandler(handler);
  }

  @AfterEach
  void detach() {
    hpo4j.removeHandler(handler);
    hpo4j.setLevel(before);
  }

  @Test
  void format_isTimeLevelMessage_onOneLine() {
    LogRecord r = new LogRecord(Level.WARNING, "trial 3 failed:\nboom");
    r.setLoggerName("org.hpo4j.study.Study");
    assertTrue(
        OneLineLog.format(r).matches("\\d\\d:\\d\\d:\\d\\d WARN trial 3 failed: boom"),
        OneLineLog.format(r));
  }

  @Test
  void otherLibraries_infoHidden_warningShown() {
    OneLineLog h = new OneLineLog(new PrintWriter(text, true), false);
    LogRecord pool = new LogRecord(Level.INFO, "HikariPool-1 - Starting...");
    pool.setLoggerName("com.zaxxer.hikari.HikariDataSource");
    LogRecord warn = new LogRecord(Level.WARNING, "connection lost");
    warn.setLoggerName("com.zaxxer.hikari.pool.HikariPool");
    LogRecord ours = new LogRecord(Level.INFO, "retry succeeded");
    ours.setLoggerName("org.hpo4j.study.Study");
    assertFalse(h.isLoggable(pool));
    assertTrue(h.isLoggable(warn));
    assertTrue(h.isLoggable(ours));
  }

  /** The library logs through SLF4J; the CLI's binding carries it to this handler. */
  @Test
  void failedObjective_warnLine_andStackTraceOnlyAtDebug() {
    attach(false);
    Study quiet = Study.builder().sampler(RandomSampler.builder().seed(1).build()).build();
    quiet.optimize(
        t -> {
          throw new IllegalStateException("no data");
        },
        1);
    String out = text.toString();
    assertTrue(
        out.matches(
            "(?s)\\d\\d:\\d\\d:\\d\\d WARN trial 0 of study '.*' failed: "
                + "java.lang.IllegalStateException: no data\n"),
        out);
    assertFalse(out.contains("\tat "), "no stack trace without debug: " + out);
    detach();

    text.getBuffer().setLength(0);
    attach(true);
    Study loud = Study.builder().sampler(RandomSampler.builder().seed(1).build()).build();
    loud.optimize(
        t -> {
          throw new IllegalStateException("no data");
        },
        1);
    out = text.toString();
    assertTrue(out.contains(" DEBUG trial 0 of study '"), out);
    assertTrue(out.contains("\tat org.hpo4j.cli.OneLineLogTest"), "the objective's frame: " + out);
    FrozenTrial t = loud.trials().get(0);
    assertTrue(
        String.valueOf(t.systemAttrs().get("fail_stack_trace")).contains("no data"),
        "the trace is stored with the trial too: " + t.systemAttrs());
    assertEquals(1, out.split(" WARN ").length - 1, out);
  }
}
