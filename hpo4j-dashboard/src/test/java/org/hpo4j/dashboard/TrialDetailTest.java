package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class TrialDetailTest {
  @Test
  void of_retriedTrial_namesItsWholeRetryChainAndItsReason() {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 6, 1);
    long id = storage.findStudy("s").orElseThrow();
    List<FrozenTrial> t = storage.trials(id, null);
    storage.setSystemAttr(t.get(0).id(), "fail_reason", "worker died (no heartbeat for 60 s)");
    storage.setSystemAttr(t.get(3).id(), "retry_of", 0);
    storage.setSystemAttr(t.get(5).id(), "retry_of", 3);
    List<FrozenTrial> all = storage.trials(id, null);
    TrialDetail d = TrialDetail.of(all.get(3), all, Map.of(), "s", List.of("objective 0"));
    assertEquals(List.of(0, 5), d.retries());
    assertEquals(0, d.row().retryOf());
    TrialDetail first = TrialDetail.of(all.get(0), all, Map.of(), "s", List.of("objective 0"));
    assertEquals(List.of(3, 5), first.retries());
    assertEquals("worker died (no heartbeat for 60 s)", first.row().failReason());
    assertEquals(
        List.of(),
        TrialDetail.of(all.get(1), all, Map.of(), "s", List.of("objective 0")).retries());
  }
}
