package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.api.Test;

class TrialTableTest {
  private static List<FrozenTrial> trials() {
    Storage storage = Storages.inMemory();
    Studies.failing(storage, "t", 40, 3);
    return storage.trials(storage.findStudy("t").orElseThrow(), null);
  }

  @Test
  void query_sortByValue_putsTheBestFirstAndFailedTrialsLast() {
    TrialTable t = TrialTable.query(trials(), Map.of("sort", "value:0", "size", "500"));
    assertEquals(40, t.total());
    List<TrialRow> rows = t.rows();
    for (int i = 1; i < rows.size(); i++) {
      Double a = rows.get(i - 1).values().isEmpty() ? null : rows.get(i - 1).values().get(0);
      Double b = rows.get(i).values().isEmpty() ? null : rows.get(i).values().get(0);
      assertTrue(b == null || (a != null && a <= b), "row " + i);
    }
    assertEquals(TrialState.FAIL, rows.get(rows.size() - 1).state());
  }

  @Test
  void query_statesFilterAndSearch_showOnlyFailedTrialsWithTheirReason() {
    TrialTable failed = TrialTable.query(trials(), Map.of("states", "fail"));
    assertTrue(failed.total() > 0);
    assertTrue(
        failed.rows().stream()
            .allMatch(r -> r.state() == TrialState.FAIL && r.failReason().contains("x too large")));
    assertEquals(failed.total(), TrialTable.query(trials(), Map.of("q", "X TOO LARGE")).total());
  }

  @Test
  void query_paramFilterAndPaging() {
    TrialTable t =
        TrialTable.query(
            trials(), Map.of("filter", "x < 0; value <= 20", "size", "5", "page", "1"));
    assertTrue(t.rows().size() <= 5);
    assertTrue(
        t.rows().stream()
            .allMatch(r -> Double.parseDouble(r.params().get("x")) < 0 && r.values().get(0) <= 20));
    assertEquals(1, t.page());
  }

  @Test
  void query_badWords_nameTheField() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TrialTable.query(trials(), Map.of("size", "0")))
            .getMessage()
            .startsWith("size must be"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TrialTable.query(trials(), Map.of("states", "done")))
            .getMessage()
            .startsWith("states must be"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TrialTable.query(trials(), Map.of("filter", "x ~ 1")))
            .getMessage()
            .startsWith("filter must be"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TrialTable.query(trials(), Map.of("sort", "colour")))
            .getMessage()
            .startsWith("sort must be"));
  }
}
