package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;

/**
 * A big study that changes on every poll is recomputed at most once per COOLDOWN times its cost.
 */
class PacedRecomputeTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode study(Dashboard d) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.port() + "/api/study?name=s"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body());
  }

  @Test
  void changedStudy_isServedFromTheLastPageUntilItsCooldownEnds() throws Exception {
    Storage storage = Storages.inMemory();
    Study s = Studies.plane(storage, "s", DashboardHandler.PACED_ABOVE, 1);
    AtomicLong now = new AtomicLong();
    // Every reading of the clock moves it 1 ms: a page "costs" 1 ms, so it is kept for 4 ms more.
    try (Dashboard d =
        Dashboard.start(
            storage, "127.0.0.1", 0, GpViewSource.none(), false, () -> now.addAndGet(1_000_000))) {
      int n = DashboardHandler.PACED_ABOVE;
      assertEquals(n, study(d).get("counts").get("COMPLETE").asInt());
      s.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 3);
      assertEquals(
          n, study(d).get("counts").get("COMPLETE").asInt(), "within the cooldown: the last page");
      now.addAndGet(DashboardHandler.COOLDOWN * 10_000_000L);
      assertEquals(n + 3, study(d).get("counts").get("COMPLETE").asInt(), "after it: recomputed");
    }
  }
}
