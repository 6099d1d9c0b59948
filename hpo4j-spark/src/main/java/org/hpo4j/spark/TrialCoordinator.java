package org.hpo4j.spark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.apache.spark.SparkConf;

/**
 * The driver's endpoint that executor tasks claim trial slots from and report trials to (see {@link
 * TrialRun}): a small HTTP server of the JDK, one per driver JVM, started on first use at {@code
 * spark.driver.host}, port {@code spark.hpo4j.coordinator.port} (default 0: any free one), bound to
 * {@code spark.driver.bindAddress}. Each run is reached under a path holding its random run id, so
 * only tasks that were given the id can claim its slots. Plain HTTP/1.1 with kept-alive
 * connections: a claim costs well under a millisecond, against tens for a Spark job.
 */
final class TrialCoordinator {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(TrialCoordinator.class);
  private static final Map<String, TrialRun> RUNS = new ConcurrentHashMap<>();
  private static HttpServer server;
  private static String address;

  private TrialCoordinator() {}

  /** Registers {@code run} and returns the link its tasks call. */
  static synchronized CoordinatorLink register(String runId, TrialRun run, SparkConf conf) {
    if (server == null) {
      String host = conf.get("spark.driver.host", "127.0.0.1");
      String bind = conf.get("spark.driver.bindAddress", host);
      int port = conf.getInt("spark.hpo4j.coordinator.port", 0);
      try {
        HttpServer s = HttpServer.create(new InetSocketAddress(bind, port), 64);
        s.createContext("/hpo4j/", TrialCoordinator::handle);
        s.setExecutor(
            Executors.newCachedThreadPool(
                r -> {
                  Thread t = new Thread(r, "hpo4j-spark-coordinator");
                  t.setDaemon(true);
                  return t;
                }));
        s.start();
        server = s;
        address = "http://" + host + ":" + s.getAddress().getPort();
        LOG.info("hpo4j-spark: executors claim trials from the driver at " + address);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot start the driver's trial coordinator on "
                + bind
                + ":"
                + port
                + " (spark.hpo4j.coordinator.port): "
                + e.getMessage(),
            e);
      }
    }
    RUNS.put(runId, run);
    return new CoordinatorLink(address + "/hpo4j/" + runId);
  }

  static void unregister(String runId) {
    RUNS.remove(runId);
  }

  private static void handle(HttpExchange ex) throws IOException {
    String reply;
    int code = 200;
    try {
      String[] path = ex.getRequestURI().getPath().split("/"); // "", "hpo4j", runId, op
      TrialRun run = path.length == 4 ? RUNS.get(path[2]) : null;
      Map<String, Long> q = query(ex.getRequestURI().getRawQuery());
      if (run == null) {
        reply = "stop"; // the run ended: its remaining tasks stop
      } else if (path[3].equals("next")) {
        int slot =
            run.next(
                i(q, "job"),
                i(q, "task"),
                i(q, "attempt"),
                i(q, "slot"),
                q.getOrDefault("id", -1L));
        reply = slot < 0 ? "stop" : "run " + slot;
      } else if (path[3].equals("started")) {
        run.started(i(q, "job"), i(q, "task"), i(q, "attempt"), i(q, "slot"), q.get("id"));
        reply = "ok";
      } else {
        code = 404;
        reply = "unknown operation " + path[3];
      }
    } catch (RuntimeException e) {
      code = 500;
      reply = String.valueOf(e);
      LOG.warn("hpo4j-spark: the trial coordinator failed on " + ex.getRequestURI() + ": " + e, e);
    }
    byte[] body = reply.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static int i(Map<String, Long> q, String name) {
    Long v = q.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return Math.toIntExact(v);
  }

  private static Map<String, Long> query(String raw) {
    Map<String, Long> out = new HashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          out.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
      }
    }
    return out;
  }
}
