package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A storage written by an older hpo4j is brought up to date when opened, keeping its studies. */
class MigrationTest {
  @TempDir Path dir;

  @Test
  void open_versionOneFile_migratesAndKeepsTrials() {
    Path db = dir.resolve("v1.db");
    Flyway.configure(MigrationTest.class.getClassLoader()).dataSource("jdbc:sqlite:" + db, null, null)
        .locations("classpath:db/migration").placeholders(Dialect.SQLITE.placeholders()).target("1").load().migrate();
    long study;
    try (Storage s = Storages.open("sqlite:" + db)) { // migrates to the current version
      study = s.createStudy("old", List.of(StudyDirection.MINIMIZE));
      long t = s.createTrial(study, Map.of(), false).id();
      s.finishTrial(t, TrialState.COMPLETE, List.of(1.0));
      s.setStudySystemAttr(study, "study_file", "objective: {function: branin}");
    }
    try (Storage s = Storages.open("sqlite:" + db)) {
      assertEquals(1, s.countTrials(study, null));
      assertEquals("objective: {function: branin}", s.studySystemAttrs(study).get("study_file"));
    }
  }
}
