package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out of memory is never the answer a user sees as a stack trace (issue 21). */
class ErrorsNeverEscapeTest {
  @TempDir Path dir;

  /** A storage whose trial reads run out of memory, as a too-big study does. */
  private static Storage outOfMemory(Storage real) {
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, m, args) -> {
              if (m.getName().equals("trials")) {
                throw new OutOfMemoryError("Java heap space");
              }
              try {
                return m.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void report_outOfMemory_becomesOneMessage() {
    Storage real = Storages.inMemory();
    Studies.plane(real, "s", 3, 1);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Report.write(outOfMemory(real), "s", dir.resolve("r.html")));
    assertTrue(e.getMessage().contains("did not fit in the Java heap"), e.getMessage());
  }

  @Test
  void dashboard_outOfMemory_answers500AndKeepsServing() throws Exception {
    Storage real = Storages.inMemory();
    Studies.plane(real, "s", 3, 1);
    HttpClient http = HttpClient.newHttpClient();
    try (Dashboard d = Dashboard.start(outOfMemory(real), 0)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + d.port() + "/api/study?name=s"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(500, r.statusCode());
      assertTrue(r.body().contains("OutOfMemoryError") && !r.body().contains("\tat "), r.body());
      assertEquals(200, DashboardHandlerHostCheck.status(d.port(), "127.0.0.1"));
    }
  }

  @Test
  void gpView_outOfMemory_leavesTheOtherPlots() {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 10, 1);
    StudyData d =
        StudyData.of(
            storage,
            "s",
            (study, p, sampler) -> {
              throw new OutOfMemoryError("Kernel.gram");
            },
            Instant.now());
    assertTrue(d.gpNote().contains("OutOfMemoryError"), d.gpNote());
    assertEquals(10, d.objectives().get(0).history().total());
  }
}
