package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.testing.MutableClock;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats, the stale-trial sweep and the retry policy, with two storages on one file standing
 * for a worker and another process, each on its own hand-moved clock.
 */
class StaleTrialsTest {
  @TempDir Path dir;
  private final MutableClock workerClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MutableClock otherClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private JdbcStorage worker;
  private JdbcStorage other;
  private long study;

  @BeforeEach
  void open() throws Exception {
    String base = baseUrl();
    String url =
        base
            + (base.contains("?") ? "&" : "?")
            + "heartbeat_interval=100&grace_period=300&max_retries=1";
    worker = JdbcStorage.open(url, JdbcOptions.defaults().withClock(workerClock));
    other = JdbcStorage.open(url, JdbcOptions.defaults().withClock(otherClock));
    study = worker.createStudy("s", List.of(org.hpo4j.study.StudyDirection.MINIMIZE));
  }

  /**
   * @return the storage both "processes" open; SQLite here, PostgreSQL in a subclass
   */
  String baseUrl() throws Exception {
    return "sqlite:" + dir.resolve("hpo.db");
  }

  @AfterEach
  void close() throws Exception {
    worker.close();
    other.close();
  }

  /**
   * A RUNNING trial whose parameter reached the database with its first beat (its clock stands
   * still).
   */
  private long runningTrialWithParam() {
    long t = worker.createTrial(study, Map.of(), false).id();
    worker.setParam(t, "x", 0.25, new FloatDistribution(0, 1));
    worker.heartbeat(t);
    return t;
  }

  @Test
  void setParam_beforeFirstBeat_visibleHereOnlyUntilTheBeat() {
    long t = worker.createTrial(study, Map.of(), false).id();
    worker.setParam(t, "x", 0.25, new FloatDistribution(0, 1));
    assertEquals(
        Map.of("x", 0.25),
        worker.trial(t).internalParams(),
        "this process sees its own write at once");
    assertEquals(Map.of("x", 0.25), worker.trials(study, null).get(0).internalParams());
    assertEquals(Map.of(), other.trial(t).internalParams(), "not flushed yet");
    worker.heartbeat(t);
    assertEquals(Map.of("x", 0.25), other.trial(t).internalParams(), "flushed with the beat");
  }

  @Test
  void finishTrial_writesBufferedWritesInOneTransaction() {
    long t = worker.createTrial(study, Map.of(), false).id();
    worker.setParam(t, "x", 0.25, new FloatDistribution(0, 1));
    worker.setIntermediateValue(t, 0, 2.0);
    worker.setUserAttr(t, "note", "hi");
    worker.setSystemAttr(t, "fail_reason", "none");
    assertTrue(worker.finishTrial(t, TrialState.COMPLETE, List.of(1.0)));
    FrozenTrial seen = other.trial(t);
    assertEquals(worker.trial(t), seen, "the finished snapshot kept here equals the stored trial");
    assertEquals(Map.of("x", 0.25), seen.internalParams());
    assertEquals(2.0, seen.intermediateValues().get(0));
    assertEquals("hi", seen.userAttrs().get("note"));
  }

  @Test
  void staleSweep_beforeFirstBeat_retryHasNoParams() {
    long t = worker.createTrial(study, Map.of(), false).id();
    worker.setParam(t, "x", 0.25, new FloatDistribution(0, 1));
    otherClock.advance(Duration.ofSeconds(301));
    assertEquals(1, other.failStaleTrials(study).size());
    assertFalse(worker.finishTrial(t, TrialState.COMPLETE, List.of(1.0)));
    assertEquals(
        Map.of(),
        other.trial(t).internalParams(),
        "the lost trial's buffered params are not written after it failed");
    FrozenTrial retry = other.claimWaitingTrial(study).orElseThrow();
    assertEquals(
        null, retry.systemAttrs().get("fixed_params"), "its parameters never reached the database");
  }

  @Test
  void failStaleTrials_beatWithinGrace_leavesTrialRunning() {
    long t = runningTrialWithParam();
    otherClock.advance(Duration.ofSeconds(200));
    assertEquals(List.of(), other.failStaleTrials(study));
    assertEquals(TrialState.RUNNING, other.trial(t).state());
  }

  @Test
  void failStaleTrials_beatOlderThanGrace_failsAndRetriesParams() {
    long t = runningTrialWithParam();
    otherClock.advance(Duration.ofSeconds(301));
    List<FrozenTrial> failed = other.failStaleTrials(study);
    assertEquals(1, failed.size());
    assertEquals(TrialState.FAIL, failed.get(0).state());
    assertTrue(
        String.valueOf(failed.get(0).systemAttrs().get("fail_reason")).contains("heartbeats"));
    assertFalse(
        worker.finishTrial(t, TrialState.COMPLETE, List.of(1.0)),
        "the dead worker cannot finish it later");

    FrozenTrial retry = other.claimWaitingTrial(study).orElseThrow();
    assertEquals(1, retry.number());
    assertEquals(0, ((Number) retry.systemAttrs().get("retry_of")).intValue());
    assertEquals(
        0.25,
        ((Number) ((Map<?, ?>) retry.systemAttrs().get("fixed_params")).get("x")).doubleValue());
  }

  @Test
  void failStaleTrials_retriedTwice_stopsAtMaxRetries() {
    runningTrialWithParam();
    otherClock.advance(Duration.ofSeconds(301));
    other.failStaleTrials(study);
    FrozenTrial retry =
        worker
            .claimWaitingTrial(study)
            .orElseThrow(); // the worker's clock is behind: no sweep of its own
    assertEquals(List.of(0), retry.systemAttrs().get("retry_history"));
    otherClock.advance(Duration.ofSeconds(301));
    assertEquals(1, other.failStaleTrials(study).size());
    assertEquals(
        0,
        other.countTrials(study, EnumSet.of(TrialState.WAITING)),
        "max_retries=1: no second retry");
  }

  @Test
  void heartbeat_keepsTrialAlivePastGrace() {
    long t = runningTrialWithParam();
    workerClock.advance(Duration.ofSeconds(250));
    worker.heartbeat(t);
    otherClock.advance(Duration.ofSeconds(400));
    assertEquals(List.of(), other.failStaleTrials(study));
  }

  @Test
  void claimWaitingTrial_sweepsStaleTrialsFirst() {
    runningTrialWithParam();
    otherClock.advance(Duration.ofSeconds(301));
    FrozenTrial claimed = other.claimWaitingTrial(study).orElseThrow();
    assertEquals(0, ((Number) claimed.systemAttrs().get("retry_of")).intValue());
    assertEquals(TrialState.FAIL, other.trials(study, null).get(0).state());
  }

  @Test
  void failStaleTrials_ownTrials_neverFailed() {
    runningTrialWithParam();
    workerClock.advance(Duration.ofSeconds(1000));
    assertEquals(List.of(), worker.failStaleTrials(study), "this process beats for them");
  }
}
