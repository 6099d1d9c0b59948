package org.hpo4j.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hpo4j.grpc.proto.Hpo4jStorageGrpc;
import org.hpo4j.grpc.proto.StorageServiceGrpc;
import org.hpo4j.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel to a storage server and the calls made over it: each call gets a deadline, is retried
 * with exponential backoff (50 ms doubling to 2 s, with jitter) while the server cannot be reached,
 * for {@code retry_for} (or {@code connect_timeout} before the first answer), and then fails with
 * one message naming the server. Status codes become the exceptions of the Storage SPI.
 *
 * <p>Thread-safe.
 */
final class Connection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcStorage.class);

  final GrpcUrl url;
  private final ManagedChannel channel;
  private final StorageServiceGrpc.StorageServiceBlockingStub optuna;
  private final Hpo4jStorageGrpc.Hpo4jStorageBlockingStub hpo4j;
  private volatile boolean answered;

  Connection(GrpcUrl url) {
    this.url = url;
    ChannelCredentials creds = InsecureChannelCredentials.create();
    if (url.tls()) {
      try {
        creds =
            url.ca() == null
                ? TlsChannelCredentials.create()
                : TlsChannelCredentials.newBuilder().trustManager(url.ca().toFile()).build();
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "storage URL option ca: cannot read the certificate "
                + url.ca()
                + ": "
                + e.getMessage());
      }
    }
    NettyChannelBuilder b =
        NettyChannelBuilder.forAddress(url.host(), url.port(), creds)
            .maxInboundMessageSize(Integer.MAX_VALUE);
    if (url.token() != null) {
      Metadata m = new Metadata();
      m.put(TokenCheck.AUTHORIZATION, "Bearer " + url.token());
      ClientInterceptor auth = MetadataUtils.newAttachHeadersInterceptor(m);
      b.intercept(auth);
    }
    channel = b.build();
    optuna = StorageServiceGrpc.newBlockingStub(channel);
    hpo4j = Hpo4jStorageGrpc.newBlockingStub(channel);
  }

  /** A call of Optuna's service, retried while the server is unreachable. */
  <T> T optuna(
      String what,
      boolean idempotent,
      Function<StorageServiceGrpc.StorageServiceBlockingStub, T> call) {
    return retry(
        what,
        idempotent,
        () -> call.apply(optuna.withDeadlineAfter(deadlineMs(), TimeUnit.MILLISECONDS)));
  }

  /** A call of hpo4j's service, retried while the server is unreachable. */
  <T> T hpo4j(
      String what,
      boolean idempotent,
      Function<Hpo4jStorageGrpc.Hpo4jStorageBlockingStub, T> call) {
    return retry(
        what,
        idempotent,
        () -> call.apply(hpo4j.withDeadlineAfter(deadlineMs(), TimeUnit.MILLISECONDS)));
  }

  /** A call of hpo4j's service tried once (heartbeats: the next one comes soon). */
  <T> T hpo4jOnce(Function<Hpo4jStorageGrpc.Hpo4jStorageBlockingStub, T> call) {
    return call.apply(hpo4j.withDeadlineAfter(deadlineMs(), TimeUnit.MILLISECONDS));
  }

  private long deadlineMs() {
    return Math.max(1, url.callTimeout().toMillis());
  }

  private <T> T retry(String what, boolean idempotent, java.util.function.Supplier<T> call) {
    Duration budget = answered ? url.retryFor() : url.connectTimeout();
    long deadline = System.nanoTime() + budget.toNanos();
    long backoff = 50;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        T t = call.get();
        answered = true;
        if (attempts > 1) {
          LOG.info(
              "storage server "
                  + url.target()
                  + " answered again after "
                  + attempts
                  + " attempts ("
                  + what
                  + ")");
        }
        return t;
      } catch (StatusRuntimeException e) {
        Status.Code c = e.getStatus().getCode();
        boolean retryable =
            c == Status.Code.UNAVAILABLE
                || (idempotent && c == Status.Code.DEADLINE_EXCEEDED && answered);
        long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        if (!retryable || System.nanoTime() + sleep * 1_000_000 > deadline) {
          throw translate(e, what, retryable ? budget : null, attempts);
        }
        if (attempts == 1 && answered) {
          LOG.warn(
              "storage server "
                  + url.target()
                  + " did not answer ("
                  + what
                  + "): "
                  + describe(e)
                  + "; retrying for up to "
                  + budget.toSeconds()
                  + " s");
        }
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StorageException(
              "interrupted while " + what + " on the storage server " + url.target(), ie);
        }
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  /**
   * @return the Storage SPI's exception for a failed call
   */
  RuntimeException translate(
      StatusRuntimeException e, String what, Duration retried, int attempts) {
    String server = "the storage server " + url.target();
    String d = describe(e);
    return switch (e.getStatus().getCode()) {
      case NOT_FOUND -> new StorageException(d, e);
      case FAILED_PRECONDITION -> new IllegalStateException(d, e);
      case INVALID_ARGUMENT -> new IllegalArgumentException(d, e);
      case UNIMPLEMENTED ->
          new UnsupportedOperationException(server + " does not support " + what + ": " + d, e);
      case UNAUTHENTICATED, PERMISSION_DENIED ->
          new StorageException(
              server
                  + " refused this client: "
                  + d
                  + "; give the server's token with ?token_file=PATH or the environment variable "
                  + GrpcUrl.TOKEN_ENV,
              e);
      case RESOURCE_EXHAUSTED ->
          new StorageException(server + " refused a request too large while " + what + ": " + d, e);
      case DEADLINE_EXCEEDED ->
          new StorageException(
              server
                  + " did not answer within "
                  + url.callTimeout().toSeconds()
                  + " s while "
                  + what
                  + " (call_timeout)",
              e);
      case UNAVAILABLE ->
          notGrpc(d)
              ? new StorageException(
                  server
                      + " answered, but not as a gRPC storage server ("
                      + d
                      + "); is that port an 'hpo serve' (or Optuna gRPC proxy), and does its TLS setting match the URL's?",
                  e)
              : new StorageException(
                  server
                      + " cannot be reached"
                      + (retried == null
                          ? ""
                          : " ("
                              + attempts
                              + (attempts == 1 ? " attempt" : " attempts")
                              + " in "
                              + Math.max(1, retried.toSeconds())
                              + " s)")
                      + " while "
                      + what
                      + ": "
                      + d,
                  e);
      default ->
          notGrpc(d)
              ? new StorageException(
                  server
                      + " answered, but not as a gRPC storage server ("
                      + d
                      + "); is that port an 'hpo serve' (or Optuna gRPC proxy), and does its TLS setting match the URL's?",
                  e)
              : new StorageException(
                  server + " failed while " + what + " (" + e.getStatus().getCode() + "): " + d, e);
    };
  }

  /**
   * @return whether a failure says the peer speaks something else than gRPC (HTTP/1, TLS where
   *     plaintext was expected)
   */
  private static boolean notGrpc(String d) {
    String l = d.toLowerCase(java.util.Locale.ROOT);
    return l.contains("http/1")
        || l.contains("http2 exception")
        || l.contains("content-type")
        || l.contains("first received frame")
        || l.contains("sslhandshake")
        || l.contains("not an ssl")
        || l.contains("protocol");
  }

  static String describe(StatusRuntimeException e) {
    String d = e.getStatus().getDescription();
    Throwable c = e.getStatus().getCause();
    String cause =
        c == null ? null : c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    if (d != null) {
      d = d.lines().findFirst().orElse(d);
    }
    if (d == null || d.equals("io exception")) {
      d = cause != null ? cause.lines().findFirst().orElse(cause) : d;
    }
    if (d != null && d.contains("Connection refused")) {
      d = "connection refused (nothing listens on that port)";
    }
    if (d != null && d.length() > 160) {
      d = d.substring(0, 157) + "...";
    }
    return d == null ? e.getStatus().getCode().toString() : d;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
