package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hpo4j.jdbc.JdbcOptions;
import org.hpo4j.jdbc.JdbcStorage;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repro 7: the trial of a killed worker stays RUNNING until someone sweeps; a user looking does.
 */
class StudiesShowSweepTest {
  @TempDir Path dir;

  @Test
  void show_trialOfADeadWorker_isSweptAndShownAsFail() {
    String url = "sqlite:" + dir.resolve("hpo.db");
    // A worker that started a trial an hour ago and died: its last beat is an hour old.
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    try (JdbcStorage st = JdbcStorage.open(url, JdbcOptions.defaults().withClock(anHourAgo))) {
      long id = st.createStudy("s", List.of(StudyDirection.MINIMIZE));
      st.createTrial(id, Map.of(), false);
    }
    CliRun show = CliRun.of("studies", "show", "s", "--storage", url);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("FAIL=1") && !show.out().contains("RUNNING"), show.out());
  }
}
