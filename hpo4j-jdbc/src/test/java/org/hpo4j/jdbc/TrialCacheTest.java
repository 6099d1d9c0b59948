package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delta-reading cache sees every change, whichever process made it. */
class TrialCacheTest {
  @TempDir Path dir;

  @Test
  void trials_afterWritesByAnotherProcess_seesThem() {
    String url = "sqlite:" + dir.resolve("hpo.db");
    try (JdbcStorage reader = JdbcStorage.open(url);
        JdbcStorage writer = JdbcStorage.open(url)) {
      long s = writer.createStudy("s", List.of(StudyDirection.MINIMIZE));
      long t0 = writer.createTrial(s, Map.of(), false).id();
      long t1 = writer.createTrial(s, Map.of(), false).id();
      writer.finishTrial(t0, TrialState.COMPLETE, List.of(1.0));
      List<FrozenTrial> first = reader.trials(s, null);
      assertEquals(
          List.of(TrialState.COMPLETE, TrialState.RUNNING),
          first.stream().map(FrozenTrial::state).toList());

      writer.setParam(t1, "x", 0.5, new FloatDistribution(0, 1));
      writer.finishTrial(t1, TrialState.PRUNED, List.of(2.0));
      writer.createTrial(s, Map.of(), false);
      List<FrozenTrial> second = reader.trials(s, null);
      assertEquals(
          List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING),
          second.stream().map(FrozenTrial::state).toList());
      assertEquals(0.5, second.get(1).internalParams().get("x"));
      assertSame(first.get(0), second.get(0), "a finished trial is read once");
      assertEquals(1, reader.trials(s, EnumSet.of(TrialState.PRUNED)).size());
    }
  }

  @Test
  void trials_attrWrittenAfterFinishHere_isSeen() {
    try (JdbcStorage st = JdbcStorage.open("sqlite:" + dir.resolve("hpo.db"))) {
      long s = st.createStudy("s", List.of(StudyDirection.MINIMIZE));
      long t = st.createTrial(s, Map.of(), false).id();
      st.finishTrial(t, TrialState.COMPLETE, List.of(1.0));
      assertEquals(Map.of(), st.trials(s, null).get(0).userAttrs());
      assertEquals(Map.of(), st.trial(t).userAttrs());
      st.setUserAttr(t, "note", "late");
      assertEquals(Map.of("note", "late"), st.trial(t).userAttrs());
      assertEquals(Map.of("note", "late"), st.trials(s, null).get(0).userAttrs());
    }
  }
}
