package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.storage.StorageException;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.testing.MutableClock;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged journal or a lock left by a dead process: one message, and nothing lost. */
class JournalBadInputTest {
  @TempDir Path dir;

  @Test
  void open_corruptLine_namesItAndLeavesTheFileAsItWas() throws Exception {
    Path log = dir.resolve("j.log");
    try (JournalStorage s = JournalStorage.open("journal:" + log)) {
      long study = s.createStudy("s", List.of(StudyDirection.MINIMIZE));
      for (int i = 0; i < 2; i++) {
        s.finishTrial(
            s.createTrial(study, Map.of(), false).id(), TrialState.COMPLETE, List.of(1.0 * i));
      }
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    assertEquals(5, lines.size());
    lines.add(2, "{\"op_code\": 4, \"worker_id\": \"w\", \"study_id\": 0, datetime_start}");
    Files.write(log, lines);
    byte[] before = Files.readAllBytes(log);
    StorageException e =
        assertThrows(StorageException.class, () -> JournalStorage.open("journal:" + log));
    assertTrue(
        e.getMessage().startsWith("cannot read journal " + log + ": line 3 is not valid JSON"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "nothing was changed, the lines after it are kept; repair or delete that line"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(log)), "file unchanged");
  }

  /**
   * A writer killed in the middle of its append leaves a record without its newline (and holds the
   * lock): the next writer ends it with a newline of its own instead of gluing its record onto it,
   * and every reader, including one that read up to the torn record before, skips it.
   */
  @Test
  void tornRecordOfAKilledWriter_isSkippedAndLosesNoLaterTrial() throws Exception {
    Path log = dir.resolve("t.log");
    try (JournalStorage early = JournalStorage.open("journal:" + log)) {
      long study = early.createStudy("s", List.of(StudyDirection.MINIMIZE));
      early.finishTrial(
          early.createTrial(study, Map.of(), false).id(), TrialState.COMPLETE, List.of(1.0));
      String torn = "{\"op_code\": 6, \"worker_id\": \"dead\", \"trial_id\": 0, \"sta";
      Files.writeString(log, torn, java.nio.file.StandardOpenOption.APPEND);
      assertEquals(
          1, early.trials(study, null).size()); // the torn record, still without newline: not read
      try (JournalStorage next = JournalStorage.open("journal:" + log)) {
        next.finishTrial(
            next.createTrial(study, Map.of(), false).id(), TrialState.COMPLETE, List.of(2.0));
      }
      List<String> lines = Files.readAllLines(log);
      assertEquals(torn, lines.get(3), "the torn record ends as a line of its own");
      assertEquals(
          List.of(1.0, 2.0),
          early.trials(study, null).stream().map(t -> t.values().get(0)).toList());
    }
    try (JournalStorage later = JournalStorage.open("journal:" + log)) {
      long study = later.findStudy("s").orElseThrow();
      assertEquals(
          List.of(0, 1),
          later.trials(study, Set.of(TrialState.COMPLETE)).stream().map(t -> t.number()).toList());
    }
  }

  @Test
  void open_unknownOpCode_namesTheLine() throws Exception {
    Path log = dir.resolve("k.log");
    Files.writeString(
        log,
        "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"s\",\"directions\":[1]}\n"
            + "{\"op_code\":42,\"worker_id\":\"w\"}\n");
    StorageException e =
        assertThrows(StorageException.class, () -> JournalStorage.open("journal:" + log));
    assertTrue(
        e.getMessage().contains("line 2 is not an operation hpo4j knows (unknown op_code 42)"),
        e.getMessage());
  }

  @Test
  void write_lockLeftByDeadProcess_isReleasedAfterTheGracePeriod() throws Exception {
    Path log = dir.resolve("l.log");
    Files.createFile(log);
    Path lock = dir.resolve("l.log.lock");
    Files.createSymbolicLink(
        lock, log.getFileName()); // what a killed Optuna or hpo4j writer leaves
    try (JournalStorage s =
        JournalStorage.open(
            "journal:" + log + "?lock_grace_period=30",
            new MutableClock(Instant.EPOCH, java.time.Duration.ofSeconds(10)))) {
      long study = s.createStudy("after-dead-writer", List.of(StudyDirection.MAXIMIZE));
      assertEquals(List.of(StudyDirection.MAXIMIZE), s.directions(study));
    }
    assertFalse(Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS), "lock released");
    assertEquals(1, Files.readAllLines(log).size());
  }

  @Test
  void open_badOption_namesIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JournalStorage.open("journal:" + dir.resolve("x.log") + "?fsnyc=true"));
    assertTrue(
        e.getMessage().contains("unknown option 'fsnyc'; allowed: fsync, lock_grace_period"),
        e.getMessage());
  }
}
