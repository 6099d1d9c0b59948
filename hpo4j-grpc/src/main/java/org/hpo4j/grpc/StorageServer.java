package org.hpo4j.grpc;

import static org.hpo4j.Checks.requireNonNull;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerTransportFilter;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;

/**
 * A gRPC server in front of any hpo4j {@link Storage}, speaking Optuna's storage protocol (so
 * Optuna's {@code GrpcStorageProxy(host=..., port=...)} works against it unchanged) and hpo4j's own
 * calls beside it (liveness, one call per trial), which {@code grpc://host:port} storages use.
 * Embedding one is one call:
 *
 * <pre>{@code
 * try (StorageServer server = StorageServer.start(storage, "127.0.0.1", 0)) {
 *   String url = server.url();   // grpc://127.0.0.1:PORT, for Storages.open on the workers
 *   ...
 * }
 * }</pre>
 *
 * <p>The server does not own the storage: closing the server leaves it open. Thread-safe.
 */
public final class StorageServer implements AutoCloseable {
  private final Server server;
  private final ServedTrials served;
  private final ServerOptions options;

  private StorageServer(Server server, ServedTrials served, ServerOptions options) {
    this.server = server;
    this.served = served;
    this.options = options;
  }

  /**
   * Starts a plaintext server without token on {@code host:port} (port 0: any free one) with the
   * default liveness timings.
   *
   * @throws StorageException when the address cannot be bound (in use, not local)
   */
  public static StorageServer start(Storage storage, String host, int port) {
    return start(storage, ServerOptions.defaults().withAddress(host, port));
  }

  /**
   * Starts a server with {@code options}.
   *
   * @throws StorageException when the address cannot be bound or the TLS files cannot be read
   */
  public static StorageServer start(Storage storage, ServerOptions options) {
    requireNonNull(storage, "storage");
    requireNonNull(options, "options");
    ServerCredentials creds;
    try {
      creds =
          options.certChain() == null
              ? InsecureServerCredentials.create()
              : TlsServerCredentials.create(
                  options.certChain().toFile(), options.privateKey().toFile());
    } catch (IOException | IllegalArgumentException e) {
      throw new StorageException(
          "cannot read the TLS certificate "
              + options.certChain()
              + " or key "
              + options.privateKey()
              + ": "
              + e.getMessage(),
          e);
    }
    ServedTrials served = new ServedTrials(storage, options);
    var optuna = new OptunaStorageService(storage, served);
    var hpo4j = new Hpo4jStorageService(storage, served, options);
    NettyServerBuilder b =
        NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()), creds)
            .maxInboundMessageSize(options.maxMessageBytes())
            .addTransportFilter(new ConnectionLog(options));
    if (options.token() != null) {
      TokenCheck check = new TokenCheck(options.token(), options.log());
      b.addService(ServerInterceptors.intercept(optuna, check))
          .addService(ServerInterceptors.intercept(hpo4j, check));
    } else {
      b.addService(optuna).addService(hpo4j);
    }
    Server s = b.build();
    try {
      s.start();
    } catch (IOException | UncheckedIOException e) {
      served.close();
      Throwable c = e.getCause() != null ? e.getCause() : e;
      String why =
          e instanceof BindException || c instanceof BindException
              ? "the address is in use or not local"
              : c.getMessage();
      throw new StorageException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + why, e);
    }
    return new StorageServer(s, served, options);
  }

  /**
   * @return the bound port (the free one chosen when started with port 0)
   */
  public int port() {
    for (SocketAddress a : server.getListenSockets()) {
      if (a instanceof InetSocketAddress i) {
        return i.getPort();
      }
    }
    return server.getPort();
  }

  /**
   * @return the address bound
   */
  public String host() {
    return options.host();
  }

  /**
   * @return {@code grpc://host:port}, the storage URL of this server for hpo4j workers
   */
  public String url() {
    String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "grpc://" + h + ":" + port() + (options.certChain() == null ? "" : "?tls=true");
  }

  /**
   * @return the options it runs with
   */
  public ServerOptions options() {
    return options;
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops accepting calls, lets running ones finish for up to 5 s, then stops. The storage stays
   * open.
   */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    served.close();
  }

  /** Logs each connection as it opens and closes, with the peer's address. */
  private static final class ConnectionLog extends ServerTransportFilter {
    private final ServerOptions options;

    ConnectionLog(ServerOptions options) {
      this.options = options;
    }

    @Override
    public Attributes transportReady(Attributes a) {
      options.log().accept("connection from " + a.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
      return a;
    }

    /**
     * Also called, with null, for a connection that closed before it spoke HTTP/2 (a port probe).
     */
    @Override
    public void transportTerminated(Attributes a) {
      if (a != null) {
        options
            .log()
            .accept("connection from " + a.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) + " closed");
      }
    }
  }
}
