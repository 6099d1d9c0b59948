package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Storage storage;
  private Dashboard dashboard;

  @BeforeEach
  void start() {
    storage = Storages.inMemory();
    dashboard = Dashboard.start(storage, 0);
  }

  @AfterEach
  void stop() {
    dashboard.close();
  }

  @Test
  void start_default_bindsLoopbackOnly() {
    assertTrue(dashboard.isLoopback());
    assertEquals("127.0.0.1", dashboard.uri().getHost());
  }

  @Test
  void start_explicitWildcardHost_isTheOnlyWayOffLoopback() {
    try (Dashboard open = Dashboard.start(storage, "0.0.0.0", 0)) {
      assertFalse(open.isLoopback());
    }
    try (Dashboard nullHost = Dashboard.start(storage, null, 0)) {
      assertTrue(nullHost.isLoopback());
    }
  }

  @Test
  void start_badPortOrHost_throwsNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dashboard.start(storage, 70000));
    assertTrue(e.getMessage().contains("port must be in [0, 65535]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dashboard.start(storage, "[::1", 0));
    assertTrue(e.getMessage().contains("host"), e.getMessage());
  }

  @Test
  void page_servesTheLivePageAndTheBundledLibrary() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("data-mode=\"live\""));
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("script-src 'self'"));
    HttpResponse<String> lib = get("/assets/echarts.min.js");
    assertEquals(200, lib.statusCode());
    assertTrue(lib.body().length() > 900_000);
    assertEquals(200, get("/assets/plots.js").statusCode());
    assertEquals(200, get("/assets/page.js").statusCode());
    assertEquals(404, get("/nope").statusCode());
  }

  @Test
  void studies_listsStudiesAndStudyEndpointFollowsNewTrials() throws Exception {
    Study s = Studies.plane(storage, "live", 10, 1);
    JsonNode list = json(get("/api/studies"));
    assertEquals("live", list.get(0).get("name").asText());
    assertEquals(10, list.get(0).get("trialCount").asInt());

    JsonNode first = json(get("/api/study?name=live"));
    assertEquals(10, first.get("objectives").get(0).get("history").get("points").size());
    s.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 5);
    JsonNode second = json(get("/api/study?name=live"));
    assertEquals(15, second.get("objectives").get(0).get("history").get("points").size());
    assertFalse(first.get("version").asText().equals(second.get("version").asText()));
  }

  @Test
  void study_unknownOrMissingName_isAClientError() throws Exception {
    assertEquals(404, get("/api/study?name=ghost").statusCode());
    assertEquals(400, get("/api/study").statusCode());
  }

  @Test
  void study_hostileName_isServedEscapedAndRoundTrips() throws Exception {
    Study s = Study.builder().name(ReportTest.XSS).storage(storage).build();
    Trial t = s.ask();
    t.setUserAttr("a", "<img src=x onerror=alert(2)>");
    s.tell(t, t.suggestFloat("x", 0, 1));
    HttpResponse<String> r =
        get("/api/study?name=" + URLEncoder.encode(ReportTest.XSS, StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertFalse(r.body().contains("<"), r.body());
    assertEquals(ReportTest.XSS, json(r).get("name").asText());
    assertFalse(get("/api/studies").body().contains("<script"));
  }

  @Test
  void anyWrite_isRefused() throws Exception {
    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      HttpRequest req =
          HttpRequest.newBuilder(dashboard.uri().resolve("/api/studies"))
              .method(method, HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode(), method);
      assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
    }
  }

  @Test
  void request_foreignHostHeader_isRefusedOnLoopback() throws Exception {
    assertEquals(403, DashboardHandlerHostCheck.status(dashboard.port(), "evil.example.com"));
    assertEquals(
        200, DashboardHandlerHostCheck.status(dashboard.port(), "localhost:" + dashboard.port()));
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + dashboard.port() + path);
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body());
  }
}
