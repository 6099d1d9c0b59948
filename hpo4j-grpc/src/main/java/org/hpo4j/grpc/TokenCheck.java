package org.hpo4j.grpc;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * Refuses every call that does not carry the server's shared token as {@code authorization: Bearer
 * TOKEN} (compared in constant time). Logs the refusal with the caller's address, never a token.
 * Thread-safe.
 */
final class TokenCheck implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final byte[] expected;
  private final Consumer<String> log;

  TokenCheck(String token, Consumer<String> log) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.log = log;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String got = headers.get(AUTHORIZATION);
    if (got == null || !MessageDigest.isEqual(expected, got.getBytes(StandardCharsets.UTF_8))) {
      log.accept(
          "refused "
              + call.getMethodDescriptor().getBareMethodName()
              + " from "
              + call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)
              + ": "
              + (got == null ? "no token" : "wrong token"));
      call.close(
          Status.UNAUTHENTICATED.withDescription(
              got == null
                  ? "this storage server requires a token (authorization: Bearer TOKEN)"
                  : "this storage server refused the token"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
