package org.hpo4j.grpc;

import static org.hpo4j.Checks.requireArgument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link StorageServer} listens and keeps its workers honest. Loopback, plaintext and no
 * token unless told: anything wider than one machine should set TLS ({@code certChain} and {@code
 * privateKey}, PEM files) and a shared {@code token}, which every client must send as the {@code
 * authorization: Bearer TOKEN} header (Optuna's Python client sends none, so a token shuts it out;
 * leave it unset for Python workers on a trusted network).
 *
 * <p>Immutable.
 *
 * @param host address to bind; 127.0.0.1 by default
 * @param port port to bind; 0 for any free one
 * @param certChain PEM certificate chain for TLS, or null for plaintext
 * @param privateKey PEM PKCS#8 private key of {@code certChain}, or null
 * @param token the shared secret clients must send, or null for none
 * @param maxMessageBytes the largest request accepted; a larger one is refused with
 *     RESOURCE_EXHAUSTED
 * @param heartbeatInterval how often hpo4j clients beat for their running trials
 * @param gracePeriod a trial of an hpo4j client that has not beaten for this long is failed
 * @param maxRetries how often a failed stale trial's parameters are enqueued again (0: never)
 * @param clock "now" of the stale-trial sweep
 * @param log where connection and sweep lines go (never secrets)
 */
public record ServerOptions(
    String host,
    int port,
    Path certChain,
    Path privateKey,
    String token,
    int maxMessageBytes,
    Duration heartbeatInterval,
    Duration gracePeriod,
    int maxRetries,
    Clock clock,
    Consumer<String> log) {

  /** The loopback address a server binds unless told otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Optuna's default port of its gRPC proxy. */
  public static final int DEFAULT_PORT = 13000;

  /**
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  public ServerOptions {
    requireArgument(
        host != null && !host.isBlank(), "host must be an address to bind, e.g. 127.0.0.1");
    requireArgument(port >= 0 && port <= 65535, "port must be in 0..65535, but got %s", port);
    requireArgument(
        (certChain == null) == (privateKey == null),
        "TLS needs both a certificate chain and a private key, but got cert=%s, key=%s",
        certChain,
        privateKey);
    if (certChain != null) {
      requireArgument(
          Files.isReadable(certChain), "TLS certificate file %s is not readable", certChain);
      requireArgument(
          Files.isReadable(privateKey), "TLS private key file %s is not readable", privateKey);
    }
    requireArgument(token == null || !token.isBlank(), "token must not be blank");
    requireArgument(
        maxMessageBytes >= 1024,
        "max message size must be >= 1024 bytes, but got %s",
        maxMessageBytes);
    requireArgument(
        heartbeatInterval != null && heartbeatInterval.toMillis() > 0,
        "heartbeat interval must be > 0, but got %s",
        heartbeatInterval);
    requireArgument(
        gracePeriod != null && gracePeriod.compareTo(heartbeatInterval) > 0,
        "grace period must be longer than the heartbeat interval (%s), but got %s",
        heartbeatInterval,
        gracePeriod);
    requireArgument(maxRetries >= 0, "max retries must be >= 0, but got %s", maxRetries);
    requireArgument(clock != null && log != null, "clock and log must not be null");
  }

  /**
   * @return 127.0.0.1:13000, plaintext, no token, 16 MiB requests, beats every 10 s, 60 s grace, 3
   *     retries, the system clock, log lines to the SLF4J logger of this class
   */
  public static ServerOptions defaults() {
    Logger logger = LoggerFactory.getLogger(StorageServer.class);
    return new ServerOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        null,
        null,
        16 << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        3,
        Clock.systemUTC(),
        m -> logger.info(m));
  }

  /**
   * @return a copy binding another address and port
   */
  public ServerOptions withAddress(String h, int p) {
    return new ServerOptions(
        h,
        p,
        certChain,
        privateKey,
        token,
        maxMessageBytes,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        clock,
        log);
  }

  /**
   * @return a copy serving TLS with a PEM certificate chain and its PKCS#8 private key
   */
  public ServerOptions withTls(Path cert, Path key) {
    return new ServerOptions(
        host,
        port,
        cert,
        key,
        token,
        maxMessageBytes,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        clock,
        log);
  }

  /**
   * @return a copy requiring a shared token (null for none)
   */
  public ServerOptions withToken(String t) {
    return new ServerOptions(
        host,
        port,
        certChain,
        privateKey,
        t,
        maxMessageBytes,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        clock,
        log);
  }

  /**
   * @return a copy with another request size limit
   */
  public ServerOptions withMaxMessageBytes(int n) {
    return new ServerOptions(
        host,
        port,
        certChain,
        privateKey,
        token,
        n,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        clock,
        log);
  }

  /**
   * @return a copy with other liveness timings and retry count
   */
  public ServerOptions withLiveness(Duration interval, Duration grace, int retries) {
    return new ServerOptions(
        host,
        port,
        certChain,
        privateKey,
        token,
        maxMessageBytes,
        interval,
        grace,
        retries,
        clock,
        log);
  }

  /**
   * @return a copy whose sweep reads "now" from {@code c} (tests)
   */
  public ServerOptions withClock(Clock c) {
    return new ServerOptions(
        host,
        port,
        certChain,
        privateKey,
        token,
        maxMessageBytes,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        c,
        log);
  }

  /**
   * @return a copy sending its log lines to {@code l}
   */
  public ServerOptions withLog(Consumer<String> l) {
    return new ServerOptions(
        host,
        port,
        certChain,
        privateKey,
        token,
        maxMessageBytes,
        heartbeatInterval,
        gracePeriod,
        maxRetries,
        clock,
        l);
  }

  @Override
  public String toString() {
    return "ServerOptions["
        + host
        + ":"
        + port
        + (certChain == null ? ", plaintext" : ", TLS")
        + (token == null ? "" : ", token required")
        + ", maxMessageBytes="
        + maxMessageBytes
        + ", heartbeat="
        + heartbeatInterval
        + ", grace="
        + gracePeriod
        + ", retries="
        + maxRetries
        + "]";
  }
}
