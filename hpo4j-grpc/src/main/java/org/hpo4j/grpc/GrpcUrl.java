package org.hpo4j.grpc;

import static org.hpo4j.Checks.requireArgument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code grpc://host[:port][?options]} storage URL. Options: {@code tls=true} (the server's
 * certificate checked against the JVM's trust store, or {@code ca=PATH}, a PEM file, which implies
 * TLS), {@code token_file=PATH} (the shared token; else the environment variable {@value
 * #TOKEN_ENV}), {@code connect_timeout=S} (how long the first call waits for the server, default
 * 10), {@code retry_for=S} (how long a later call retries across a server restart before failing,
 * default 60), {@code call_timeout=S} (one call's deadline, default 60), {@code protocol=optuna}
 * (only Optuna's calls, even to an hpo4j server; default auto). The token never appears in the URL,
 * so the URL can be logged.
 *
 * <p>Immutable.
 */
record GrpcUrl(
    String host,
    int port,
    boolean tls,
    Path ca,
    String token,
    Duration connectTimeout,
    Duration retryFor,
    Duration callTimeout,
    boolean optunaOnly) {
  static final String TOKEN_ENV = "HPO4J_GRPC_TOKEN";
  static final List<String> OPTIONS =
      List.of(
          "tls", "ca", "token_file", "connect_timeout", "retry_for", "call_timeout", "protocol");

  static boolean accepts(String url) {
    return url.startsWith("grpc://");
  }

  /**
   * @throws IllegalArgumentException naming the part that is wrong and what is allowed
   */
  static GrpcUrl parse(String url) {
    requireArgument(accepts(url), "a gRPC storage URL starts with grpc://, but got '%s'", url);
    String rest = url.substring("grpc://".length());
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    String host;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      requireArgument(close > 0, "storage URL '%s': an IPv6 host needs a closing ]", url);
      host = rest.substring(1, close);
      if (close + 1 < rest.length()) {
        requireArgument(
            rest.charAt(close + 1) == ':', "storage URL '%s': expected :PORT after the host", url);
        portText = rest.substring(close + 2);
      }
    } else {
      int colon = rest.lastIndexOf(':');
      host = colon < 0 ? rest : rest.substring(0, colon);
      portText = colon < 0 ? null : rest.substring(colon + 1);
    }
    requireArgument(
        !host.isEmpty() && !host.contains("/") && !host.contains("@"),
        "storage URL '%s' needs a host: grpc://host:port (user names and paths are not part of it)",
        url);
    int port = ServerOptions.DEFAULT_PORT;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        port = -1;
      }
      requireArgument(
          port >= 1 && port <= 65535,
          "storage URL '%s': port must be in 1..65535, but got '%s'",
          url,
          portText);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (String kv : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      requireArgument(
          OPTIONS.contains(k),
          "storage URL option '%s' is not known; allowed: %s",
          k,
          String.join(", ", OPTIONS));
      opts.put(k, eq < 0 ? "" : kv.substring(eq + 1));
    }
    Path ca = opts.containsKey("ca") ? Path.of(opts.get("ca")) : null;
    requireArgument(
        ca == null || Files.isReadable(ca), "storage URL option ca: file %s is not readable", ca);
    String tlsText = opts.getOrDefault("tls", ca == null ? "false" : "true");
    requireArgument(
        tlsText.equals("true") || tlsText.equals("false"),
        "storage URL option tls must be true or false, but got '%s'",
        tlsText);
    String token = System.getenv(TOKEN_ENV);
    if (opts.containsKey("token_file")) {
      Path f = Path.of(opts.get("token_file"));
      try {
        token = Files.readString(f).strip();
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(
            "storage URL option token_file: cannot read " + f + ": " + e.getMessage());
      }
      requireArgument(!token.isEmpty(), "storage URL option token_file: %s is empty", f);
    }
    String protocol = opts.getOrDefault("protocol", "auto");
    requireArgument(
        protocol.equals("auto") || protocol.equals("optuna"),
        "storage URL option protocol must be auto or optuna, but got '%s'",
        protocol);
    return new GrpcUrl(
        host,
        port,
        tlsText.equals("true"),
        ca,
        token == null || token.isBlank() ? null : token,
        seconds(opts, "connect_timeout", 10),
        seconds(opts, "retry_for", 60),
        seconds(opts, "call_timeout", 60),
        protocol.equals("optuna"));
  }

  private static Duration seconds(Map<String, String> opts, String key, double dflt) {
    String v = opts.get(key);
    double s;
    try {
      s = v == null ? dflt : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      s = -1;
    }
    requireArgument(
        s >= 0 && s <= 86_400,
        "storage URL option %s must be seconds in 0..86400, but got '%s'",
        key,
        v);
    return Duration.ofMillis((long) (s * 1000));
  }

  /**
   * @return host:port as shown in messages
   */
  String target() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
