package org.hpo4j.dashboard;

import static org.hpo4j.Checks.requireArgument;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hpo4j.storage.Storage;

/**
 * The live dashboard: a small web server over a storage, read-only unless started writable (notes).
 * Its page lists the studies and polls JSON endpoints, so the plots follow the study as trials
 * finish.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver} (module jdk.httpserver): a supported,
 * dependency-free server that is plenty for one user's browser polling a few JSON documents, so the
 * CLI's shaded jar carries no Jetty. It binds 127.0.0.1 unless a host is given, answers only GET
 * and HEAD, and, while on loopback, only requests addressed to a loopback name (a guard against DNS
 * rebinding). With {@code writable}, it also accepts the one write it knows, saving a note ({@code
 * PUT /api/note}), guarded against cross-site requests (see {@link DashboardHandler}).
 *
 * <p>Half-open connections cannot stall it: a request must arrive whole within {@link
 * #REQUEST_SECONDS} seconds (the JDK server's {@code sun.net.httpserver.maxReqTime}, set unless the
 * user set it), after which the server drops the connection and frees its thread.
 *
 * <p>Endpoints: {@code /} the page; {@code /assets/echarts.min.js}, {@code /assets/plots.js},
 * {@code /assets/page.js}; {@code /api/studies} the study list; {@code /api/study?name=NAME} a
 * study's plot data ({@link StudyData} as JSON); {@code /api/trials?study=NAME&...} a page of the
 * trials table ({@link TrialTable}); {@code /api/trial?study=NAME&number=N} a trial's page; {@code
 * /api/compare?studies=A%0AB} several studies side by side; {@code PUT /api/note} (writable only) a
 * note.
 *
 * <p>Backs {@code ./hpo dashboard --storage URL [--port 8080] [--host H] [--allow-writes]}.
 * Thread-safe; close it to stop the server (the storage is not closed).
 */
public final class Dashboard implements AutoCloseable {
  /** The address bound unless the user names another. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port used by the CLI unless told otherwise. */
  public static final int DEFAULT_PORT = 8080;

  /** Seconds a client has to send a whole request. */
  public static final int REQUEST_SECONDS = 15;

  /** Request threads: more than a few browsers' worth of concurrent polls. */
  static final int THREADS = 16;

  static {
    // Read once by the JDK server's configuration, when the first server of this JVM starts.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "300");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private Dashboard(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Starts a dashboard on 127.0.0.1, with GP views from a log-EI GP.
   *
   * @param port TCP port, 0 for any free port
   * @throws IllegalArgumentException when port is not in [0, 65535]
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static Dashboard start(Storage storage, int port) {
    return start(storage, DEFAULT_HOST, port, GpSliceViews.logEi(0));
  }

  /**
   * One call for the CLI: starts a dashboard on {@code host}, with GP views from a log-EI GP
   * ({@link GpSliceViews}). The CLI passes {@link #DEFAULT_HOST} unless the user gave {@code
   * --host}: binding another address is the user's explicit choice.
   *
   * @param host address or name to bind (null for {@link #DEFAULT_HOST}); "0.0.0.0" exposes the
   *     dashboard to the network, read-only and without authentication
   * @param port TCP port, 0 for any free port
   * @throws IllegalArgumentException when port is not in [0, 65535] or host does not resolve
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static Dashboard start(Storage storage, String host, int port) {
    return start(storage, host, port, GpSliceViews.logEi(0));
  }

  /**
   * Starts a dashboard with GP views from {@code gpSource}.
   *
   * @throws IllegalArgumentException when port is not in [0, 65535] or host does not resolve
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static Dashboard start(Storage storage, String host, int port, GpViewSource gpSource) {
    return start(storage, host, port, gpSource, false);
  }

  /**
   * Starts a dashboard that, with {@code writable}, also saves notes on studies and trials.
   *
   * @throws IllegalArgumentException when port is not in [0, 65535] or host does not resolve
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static Dashboard start(
      Storage storage, String host, int port, GpViewSource gpSource, boolean writable) {
    return start(storage, host, port, gpSource, writable, System::nanoTime);
  }

  /** As above, with the clock that paces recomputing a changed study (for tests). */
  static Dashboard start(
      Storage storage,
      String host,
      int port,
      GpViewSource gpSource,
      boolean writable,
      java.util.function.LongSupplier nanoClock) {
    org.hpo4j.Checks.requireNonNull(storage, "storage");
    org.hpo4j.Checks.requireNonNull(gpSource, "gpSource");
    requireArgument(
        port >= 0 && port <= 65535, "port must be in [0, 65535], but got port=%s", port);
    String h = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
    InetAddress address;
    try {
      address = InetAddress.getByName(h);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "host must be an address or a resolvable name, but got host='" + h + "'", e);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not bind the dashboard to " + h + ":" + port + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "hpo4j-dashboard");
              t.setDaemon(true);
              return t;
            });
    server.createContext(
        "/",
        new DashboardHandler(storage, gpSource, address.isLoopbackAddress(), writable, nanoClock));
    server.setExecutor(executor);
    server.start();
    return new Dashboard(server, executor, h);
  }

  /**
   * @return the bound port (useful after asking for port 0)
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * @return the page's address, e.g. http://127.0.0.1:8080/
   */
  public URI uri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /**
   * @return whether the server listens on a loopback address only
   */
  public boolean isLoopback() {
    return server.getAddress().getAddress().isLoopbackAddress();
  }

  /** Stops the server at once; requests in flight are cut. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
