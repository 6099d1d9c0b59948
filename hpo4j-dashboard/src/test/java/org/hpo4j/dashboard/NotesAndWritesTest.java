package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.trial.FrozenTrial;
import org.junit.jupiter.api.Test;

class NotesAndWritesTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> put(Dashboard d, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.port() + "/api/note"))
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final Map<String, String> PAGE =
      Map.of("Content-Type", "application/json", "X-Hpo4j-Write", "1");

  @Test
  void note_readOnlyDashboard_refusesTheWriteWith405() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 3, 1);
    try (Dashboard d = Dashboard.start(storage, "127.0.0.1", 0, GpViewSource.none(), false)) {
      HttpResponse<String> r = put(d, "{\"study\":\"s\",\"version\":1,\"body\":\"x\"}", PAGE);
      assertEquals(405, r.statusCode());
      assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
    }
    assertEquals(Map.of(), storage.studySystemAttrs(storage.findStudy("s").orElseThrow()));
  }

  @Test
  void note_writableDashboard_savesUnderOptunaDashboardKeysAndChecksTheVersion() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 3, 1);
    long id = storage.findStudy("s").orElseThrow();
    FrozenTrial t1 = storage.trials(id, null).get(1);
    try (Dashboard d = Dashboard.start(storage, "127.0.0.1", 0, GpViewSource.none(), true)) {
      assertEquals(
          200,
          put(d, "{\"study\":\"s\",\"version\":1,\"body\":\"study note\"}", PAGE).statusCode());
      String longBody = "n".repeat(Notes.CHUNK + 10);
      assertEquals(
          200,
          put(d, "{\"study\":\"s\",\"trial\":1,\"version\":1,\"body\":\"" + longBody + "\"}", PAGE)
              .statusCode());
      // A stale version is a conflict and changes nothing.
      HttpResponse<String> stale =
          put(d, "{\"study\":\"s\",\"version\":1,\"body\":\"overwrite\"}", PAGE);
      assertEquals(409, stale.statusCode());
      assertTrue(stale.body().contains("study note"), stale.body());
      // Other methods stay refused on a writable dashboard.
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.port() + "/api/note"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
    Map<String, Object> attrs = storage.studySystemAttrs(id);
    assertEquals(1, ((Number) attrs.get("dashboard:note_ver")).intValue());
    assertEquals("study note", attrs.get("dashboard:note_str:0"));
    assertEquals(1, ((Number) attrs.get("dashboard:" + t1.id() + ":note_ver")).intValue());
    assertEquals(
        Notes.CHUNK, ((String) attrs.get("dashboard:" + t1.id() + ":note_str:0")).length());
    assertEquals(10, ((String) attrs.get("dashboard:" + t1.id() + ":note_str:1")).length());
    assertEquals("study note", Notes.read(attrs, null).body());
  }

  @Test
  void note_withoutThePageHeaderOrFromAnotherOrigin_isForbidden() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 3, 1);
    try (Dashboard d = Dashboard.start(storage, "127.0.0.1", 0, GpViewSource.none(), true)) {
      String body = "{\"study\":\"s\",\"version\":1,\"body\":\"x\"}";
      // What a cross-site form can send: a simple content type, no custom header.
      assertEquals(403, put(d, body, Map.of("Content-Type", "text/plain")).statusCode());
      assertEquals(403, put(d, body, Map.of("Content-Type", "application/json")).statusCode());
      Map<String, String> foreign = new java.util.HashMap<>(PAGE);
      foreign.put("Origin", "http://evil.example.com");
      assertEquals(403, put(d, body, foreign).statusCode());
    }
    assertTrue(storage.studySystemAttrs(storage.findStudy("s").orElseThrow()).isEmpty());
  }

  @Test
  void notes_shorterNoteAfterALongOne_blanksTheLeftOverChunks() {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 1, 1);
    long id = storage.findStudy("s").orElseThrow();
    Notes.save(storage, id, null, 1, "x".repeat(3 * Notes.CHUNK));
    Notes.save(storage, id, null, 2, "short");
    Notes.Note n = Notes.read(storage.studySystemAttrs(id), null);
    assertEquals(new Notes.Note(2, "short"), n);
  }
}
