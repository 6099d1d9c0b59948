package org.hpo4j.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Routes the dashboard's requests. Read-only: only GET and HEAD are answered. Plot data is cached per
 * study and recomputed only when the study's {@link StudyData#version} changes, by one request at a
 * time per study. Thread-safe.
 */
final class DashboardHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(DashboardHandler.class.getName());
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Storage storage;
  private final GpViewSource gpSource;
  private final boolean loopback;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  private record Cached(String version, String json) {}

  DashboardHandler(Storage storage, GpViewSource gpSource, boolean loopback) {
    this.storage = storage;
    this.gpSource = gpSource;
    this.loopback = loopback;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain", "the dashboard is read-only: only GET and HEAD are allowed");
        return;
      }
      if (loopback && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
        send(ex, 403, "text/plain", "this dashboard answers only requests to localhost or 127.0.0.1");
        return;
      }
      String path = ex.getRequestURI().getPath();
      switch (path) {
        case "/", "/index.html" -> send(ex, 200, "text/html", Page.live());
        case "/assets/echarts.min.js" -> send(ex, 200, "text/javascript", Page.echarts());
        case "/assets/plots.js" -> send(ex, 200, "text/javascript", Page.plots());
        case "/assets/page.js" -> send(ex, 200, "text/javascript", Page.app());
        case "/api/studies" -> send(ex, 200, "application/json", Json.write(studies()));
        case "/api/study" -> study(ex);
        default -> send(ex, 404, "text/plain", "not found");
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "dashboard request failed: " + ex.getRequestURI(), e);
      send(ex, 500, "text/plain", "the dashboard could not read the storage: " + e.getMessage());
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

  private void study(HttpExchange ex) throws IOException {
    String name = query(ex.getRequestURI().getRawQuery()).get("name");
    if (name == null) {
      send(ex, 400, "text/plain", "parameter 'name' is required, e.g. /api/study?name=my-study");
      return;
    }
    Optional<Long> id = storage.findStudy(name);
    if (id.isEmpty()) {
      send(ex, 404, "text/plain", "no study of that name");
      return;
    }
    SnapshotView view = new SnapshotView(name, storage.directions(id.get()), storage.trials(id.get(), null));
    String version = StudyData.version(view.all());
    Cached c = cache.get(name);
    if (c == null || !c.version().equals(version)) {
      // Single flight per study: while one request computes the plots (the GP view can take a
      // while), others get the previous data instead of piling up more computations.
      ReentrantLock lock = locks.computeIfAbsent(name, k -> new ReentrantLock());
      if (c != null && !lock.tryLock()) {
        send(ex, 200, "application/json", c.json());
        return;
      }
      if (c == null) {
        lock.lock();
      }
      try {
        c = cache.get(name);
        if (c == null || !c.version().equals(version)) {
          c = new Cached(version, Json.write(StudyData.of(view, gpSource, Instant.now())));
          cache.put(name, c);
        }
      } finally {
        lock.unlock();
      }
    }
    send(ex, 200, "application/json", c.json());
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
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

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
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
