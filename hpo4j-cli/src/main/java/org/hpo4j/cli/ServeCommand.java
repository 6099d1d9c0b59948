package org.hpo4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hpo4j.grpc.ServerOptions;
import org.hpo4j.grpc.StorageServer;
import org.hpo4j.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpo serve --storage URL}: one process that holds the storage and serves it to any number
 * of workers over gRPC, in Optuna's storage protocol (so Optuna's {@code GrpcStorageProxy} joins
 * too). Workers then need no database credentials or driver: {@code hpo worker --storage
 * grpc://host:port}. Binds 127.0.0.1 unless {@code --host} says otherwise; beyond one machine, use
 * TLS and a token. Logs connections, never the token.
 */
@Command(
    name = "serve",
    description = {
      "Serve a storage to workers over gRPC (Optuna's storage protocol; hpo4j and Optuna workers alike).",
      "Workers use --storage grpc://HOST:PORT; Optuna's Python workers GrpcStorageProxy(host=HOST, port=PORT)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--storage",
      description =
          "Storage to serve (default "
              + StorageUrls.DEFAULT
              + "): memory, "
              + "sqlite:PATH, postgresql://user:pw@host:5432/db.")
  String storage;

  @Option(
      names = "--host",
      defaultValue = ServerOptions.DEFAULT_HOST,
      description =
          "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface: then use TLS and a token).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "13000",
      description = "Port, 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "PEM certificate chain: serve TLS (with --tls-key).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = {
        "File holding a shared token every client "
            + "must send (hpo4j workers: ?token_file=FILE or HPO4J_GRPC_TOKEN).",
        "Optuna's Python client sends none: leave it unset for Python workers."
      })
  Path tokenFile;

  @Option(
      names = "--max-message-mb",
      defaultValue = "16",
      description = "Largest request accepted, MiB (default ${DEFAULT-VALUE}).")
  int maxMessageMb;

  @Option(
      names = "--heartbeat-interval",
      defaultValue = "10",
      description = "Seconds between an hpo4j worker's heartbeats (default ${DEFAULT-VALUE}).")
  double heartbeatInterval;

  @Option(
      names = "--grace-period",
      defaultValue = "60",
      description =
          "Seconds without heartbeat after which a worker's trial is failed and retried (default ${DEFAULT-VALUE}).")
  double gracePeriod;

  @Option(
      names = "--max-retries",
      defaultValue = "3",
      description =
          "How often a failed stale trial is re-run with its parameters (default ${DEFAULT-VALUE}).")
  int maxRetries;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (storage != null && storage.trim().startsWith("grpc://")) {
      throw new IllegalArgumentException(
          "--storage: hpo serve serves a storage it holds itself (memory, sqlite:PATH, "
              + "postgresql://...), not another server's grpc:// URL");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be in 0..65535, but got " + port);
    }
    if (maxMessageMb < 1 || maxMessageMb > 2047) {
      throw new IllegalArgumentException(
          "--max-message-mb must be in 1..2047, but got " + maxMessageMb);
    }
    if (!(heartbeatInterval > 0) || !(gracePeriod > heartbeatInterval)) {
      throw new IllegalArgumentException(
          "--grace-period must be longer than --heartbeat-interval (> 0), but got "
              + gracePeriod
              + " and "
              + heartbeatInterval);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("--max-retries must be >= 0, but got " + maxRetries);
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException(
          "--tls-cert and --tls-key go together; got only "
              + (tlsCert == null ? "--tls-key" : "--tls-cert"));
    }
    ServerOptions o =
        ServerOptions.defaults()
            .withAddress(host, port)
            .withMaxMessageBytes(maxMessageMb << 20)
            .withLiveness(
                Duration.ofMillis((long) (heartbeatInterval * 1000)),
                Duration.ofMillis((long) (gracePeriod * 1000)),
                maxRetries)
            .withLog(
                m -> {
                  synchronized (err) {
                    err.println("hpo serve: " + m);
                    err.flush();
                  }
                });
    if (tlsCert != null) {
      o = o.withTls(tlsCert, tlsKey);
    }
    if (tokenFile != null) {
      o = o.withToken(readToken(tokenFile));
    }
    Storage st = StorageUrls.open(storage);
    StorageServer server;
    try {
      server = StorageServer.start(st, o);
    } catch (RuntimeException e) {
      st.close();
      throw e;
    }
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  st.close();
                  done.countDown();
                }));
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    err.printf(
        "hpo serve: serving %s at %s (%s, %s; Ctrl-C to stop)%n",
        StorageUrls.describe(storage),
        server.url(),
        tlsCert == null ? "plaintext" : "TLS",
        tokenFile == null ? "no token" : "token required");
    if (!loopback && (tlsCert == null || tokenFile == null)) {
      err.println(
          "hpo serve: warning: listening beyond this machine without "
              + (tlsCert == null ? "TLS" : "a token")
              + "; anyone who reaches the port can read and write the studies");
    }
    err.flush();
    done.await();
    return 0;
  }

  private static String readToken(Path f) {
    String t;
    try {
      t = Files.readString(f).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("--token-file: cannot read " + f + ": " + e.getMessage());
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("--token-file: " + f + " is empty");
    }
    return t;
  }
}
