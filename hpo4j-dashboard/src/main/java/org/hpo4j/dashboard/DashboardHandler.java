package org.hpo4j.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.trial.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the dashboard's requests. Read-only unless writable: then {@code PUT /api/note} also saves
 * a note. Every other method gets 405. A write must come from this dashboard's own page: it needs
 * {@code Content-Type: application/json} and the header {@code X-Hpo4j-Write: 1}, which a page of
 * another site cannot send without a CORS preflight this server never grants, and an {@code
 * Origin}, when sent, naming this very host. On loopback, only requests addressed to a loopback
 * name are answered (DNS rebinding).
 *
 * <p>Plot data is cached per study and recomputed only when the study's version changes, by one
 * request at a time per study; the table and trial pages reuse the cached read. Thread-safe.
 */
final class DashboardHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  static final String WRITE_HEADER = "X-Hpo4j-Write";
  private static final int MAX_BODY = 512 * 1024;

  private final Storage storage;
  private final GpViewSource gpSource;
  private final boolean loopback;
  private final boolean writable;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * A computed page: its version, the read it came from, and when it may be recomputed (nanoTime):
   * a page that took T to compute is kept for at least {@link #COOLDOWN} times T, so a huge study
   * that changes on every poll costs the server a bounded share of its time, not all of it.
   */
  private record Cached(
      String version, SnapshotView view, Map<String, Object> attrs, String json, long freshUntil) {}

  /** How many times its own cost a page is kept before it is recomputed for a newer version. */
  static final int COOLDOWN = 4;

  /** Studies with at least this many trials are paced; smaller ones cost milliseconds. */
  static final int PACED_ABOVE = 5000;

  private final java.util.function.LongSupplier nanoClock;

  DashboardHandler(Storage storage, GpViewSource gpSource, boolean loopback, boolean writable) {
    this(storage, gpSource, loopback, writable, System::nanoTime);
  }

  DashboardHandler(
      Storage storage,
      GpViewSource gpSource,
      boolean loopback,
      boolean writable,
      java.util.function.LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.storage = storage;
    this.gpSource = gpSource;
    this.loopback = loopback;
    this.writable = writable;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      boolean write = writable && path.equals("/api/note") && method.equals("PUT");
      if (!method.equals("GET") && !method.equals("HEAD") && !write) {
        ex.getResponseHeaders()
            .set("Allow", writable && path.equals("/api/note") ? "GET, HEAD, PUT" : "GET, HEAD");
        send(
            ex,
            405,
            "text/plain",
            writable
                ? "only GET and HEAD are allowed here (and PUT on /api/note)"
                : "the dashboard is read-only: only GET and HEAD are allowed (start it with --allow-writes to save notes)");
        return;
      }
      if (loopback && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
        send(
            ex,
            403,
            "text/plain",
            "this dashboard answers only requests to localhost or 127.0.0.1");
        return;
      }
      switch (path) {
        case "/", "/index.html" -> send(ex, 200, "text/html", Page.live(writable));
        case "/assets/echarts.min.js" -> send(ex, 200, "text/javascript", Page.echarts());
        case "/assets/plots.js" -> send(ex, 200, "text/javascript", Page.plots());
        case "/assets/page.js" -> send(ex, 200, "text/javascript", Page.app());
        case "/api/studies" -> send(ex, 200, "application/json", Json.write(studies()));
        case "/api/study" -> study(ex);
        case "/api/trials" ->
            withStudy(ex, c -> Json.write(TrialTable.query(c.view().all(), query(ex))));
        case "/api/trial" -> trial(ex);
        case "/api/compare" -> compare(ex);
        case "/api/note" -> note(ex, write);
        default -> send(ex, 404, "text/plain", "not found");
      }
    } catch (IllegalArgumentException e) {
      send(ex, 400, "text/plain", e.getMessage());
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // An Error of one request (a study too big for the heap) must not take the server down nor
      // reach the user as a stack trace: the page shows the message, the log keeps the trace.
      LOG.warn("dashboard request failed: " + ex.getRequestURI(), e);
      send(ex, 500, "text/plain", "the dashboard could not answer: " + e);
    } finally {
      ex.close();
    }
  }

  private List<Map<String, Object>> studies() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StudySummary s : storage.studies()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("directions", s.directions());
      m.put("trialCount", s.trialCount());
      out.add(m);
    }
    return out;
  }

  private interface Answer {
    String json(Cached c);
  }

  private void withStudy(HttpExchange ex, Answer answer) throws IOException {
    Map<String, String> q = query(ex);
    String name = q.containsKey("study") ? q.get("study") : q.get("name");
    if (name == null) {
      send(ex, 400, "text/plain", "parameter 'study' is required, e.g. ?study=my-study");
      return;
    }
    Optional<Cached> c = cached(name);
    if (c.isEmpty()) {
      send(ex, 404, "text/plain", "no study of that name");
      return;
    }
    send(ex, 200, "application/json", answer.json(c.get()));
  }

  private void study(HttpExchange ex) throws IOException {
    withStudy(ex, Cached::json);
  }

  private void trial(HttpExchange ex) throws IOException {
    String number = query(ex).get("number");
    int n;
    try {
      n = Integer.parseInt(number == null ? "" : number.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter 'number' must be a trial number, but got '" + number + "'");
    }
    withStudy(
        ex,
        c -> {
          List<FrozenTrial> all = c.view().all();
          FrozenTrial t =
              n >= 0 && n < all.size() && all.get(n).number() == n
                  ? all.get(n)
                  : all.stream()
                      .filter(x -> x.number() == n)
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "study '" + c.view().name() + "' has no trial " + n));
          return Json.write(
              TrialDetail.of(
                  t,
                  all,
                  c.attrs(),
                  c.view().name(),
                  StudyAttrs.objectiveLabels(c.attrs(), c.view().directions().size())));
        });
  }

  private void compare(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex);
    String names = q.get("studies");
    if (names == null || names.isBlank()) {
      send(ex, 400, "text/plain", "parameter 'studies' is required: names joined by newlines");
      return;
    }
    List<String> list =
        Arrays.stream(names.split("\n")).filter(s -> !s.isEmpty()).distinct().limit(12).toList();
    int objective = 0;
    if (q.get("objective") != null) {
      try {
        objective = Math.max(0, Integer.parseInt(q.get("objective")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "parameter 'objective' must be an index, but got '" + q.get("objective") + "'");
      }
    }
    send(ex, 200, "application/json", Json.write(CompareData.of(storage, list, objective)));
  }

  /** Reads a note (GET) or, on a writable dashboard, saves one (PUT, from this page only). */
  private void note(HttpExchange ex, boolean write) throws IOException {
    if (!write) {
      send(
          ex,
          405,
          "text/plain",
          "notes are saved with PUT on a dashboard started with --allow-writes");
      return;
    }
    var h = ex.getRequestHeaders();
    String type = h.getFirst("Content-Type");
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/json")
        || !"1".equals(h.getFirst(WRITE_HEADER))) {
      send(
          ex,
          403,
          "text/plain",
          "a note must be sent by the dashboard's page (JSON with header " + WRITE_HEADER + ": 1)");
      return;
    }
    String origin = h.getFirst("Origin");
    if (origin != null && !origin.equalsIgnoreCase("http://" + h.getFirst("Host"))) {
      send(ex, 403, "text/plain", "cross-origin writes are refused");
      return;
    }
    JsonNode body;
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        send(ex, 413, "text/plain", "a note request must be at most " + MAX_BODY + " bytes");
        return;
      }
      body = Json.mapper().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the note request must be JSON {study, trial?, version, body}");
    }
    if (body == null
        || !body.path("study").isTextual()
        || !body.path("version").canConvertToInt()
        || !body.path("body").isTextual()) {
      throw new IllegalArgumentException(
          "the note request must be JSON {study: name, trial: number (optional), "
              + "version: stored version + 1, body: text}");
    }
    String name = body.get("study").asText();
    long id =
        storage
            .findStudy(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "study '" + name + "' does not exist in this storage"));
    Long trialId = null;
    if (body.hasNonNull("trial")) {
      int n = body.get("trial").asInt(-1);
      trialId =
          storage.trials(id, null).stream()
              .filter(t -> t.number() == n)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "study '" + name + "' has no trial " + body.get("trial")))
              .id();
    }
    int version = body.get("version").asInt();
    Notes.Saved saved = Notes.save(storage, id, trialId, version, body.get("body").asText());
    cache.remove(name);
    send(ex, saved.saved() ? 200 : 409, "application/json", Json.write(saved.note()));
  }

  /**
   * The study's read, recomputed when its version changed; while one request recomputes it (the GP
   * view can take a while), others get the previous one instead of piling up more computations.
   */
  private Optional<Cached> cached(String name) {
    Optional<Long> id = storage.findStudy(name);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    SnapshotView view =
        new SnapshotView(name, storage.directions(id.get()), storage.trials(id.get(), null));
    Map<String, Object> attrs = storage.studySystemAttrs(id.get());
    String version = StudyData.version(view.all()) + "-" + Integer.toHexString(notesHash(attrs));
    Cached c = cache.get(name);
    if (c != null
        && (c.version().equals(version)
            || (view.all().size() >= PACED_ABOVE && nanoClock.getAsLong() < c.freshUntil()))) {
      return Optional.of(c);
    }
    ReentrantLock lock = locks.computeIfAbsent(name, k -> new ReentrantLock());
    if (c != null && !lock.tryLock()) {
      return Optional.of(c);
    }
    if (c == null) {
      lock.lock();
    }
    try {
      c = cache.get(name);
      if (c == null || !c.version().equals(version)) {
        long t0 = nanoClock.getAsLong();
        String json = Json.write(StudyData.of(view, attrs, gpSource, Instant.now(), 0));
        // The page redraws on a change of liveVersion: trials, or notes and metric names.
        json =
            json.substring(0, json.length() - 1)
                + ",\"liveVersion\":"
                + Json.write(version)
                + ",\"writable\":"
                + writable
                + "}";
        long t1 = nanoClock.getAsLong();
        c = new Cached(version, view, attrs, json, t1 + COOLDOWN * (t1 - t0));
        cache.put(name, c);
      }
      return Optional.of(c);
    } finally {
      lock.unlock();
    }
  }

  private static int notesHash(Map<String, Object> attrs) {
    int h = 0;
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      if (e.getKey().startsWith("dashboard:") || e.getKey().equals(StudyAttrs.METRIC_NAMES)) {
        h += e.getKey().hashCode() * 31 + String.valueOf(e.getValue()).hashCode();
      }
    }
    return h;
  }

  private static Map<String, String> query(HttpExchange ex) {
    return query(ex.getRequestURI().getRawQuery());
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static boolean loopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > h.lastIndexOf(']')) {
      h = h.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(h);
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", type + "; charset=utf-8");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", CSP);
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", type.equals("text/javascript") ? "max-age=3600" : "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
