package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpo4j.grpc.ServerOptions;
import org.hpo4j.grpc.StorageServer;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when a grpc:// storage is wrong: one line naming the server and the cause, exit
 * 2.
 */
class GrpcBadInputTest {
  private static final String EXAMPLE = "../examples/branin-quick.yaml";

  @TempDir Path dir;

  private static String oneError(CliRun r) {
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertTrue(
        err.startsWith("error: ") && err.lines().count() == 1 && !err.contains("\tat "),
        "one line, no stack trace: " + err);
    return err;
  }

  private static CliRun worker(String url) {
    return CliRun.of("worker", EXAMPLE, "--storage", url, "--trials", "1");
  }

  @Test
  void wrongPort_nothingListens_saysItCannotBeReached() throws Exception {
    int port = GrpcProcesses.freePort();
    String err = oneError(worker("grpc://127.0.0.1:" + port + "?connect_timeout=1"));
    assertTrue(
        err.contains("storage server 127.0.0.1:" + port + " cannot be reached")
            && err.contains("connecting"),
        err);
  }

  @Test
  void unknownHost_saysItCannotBeReached() {
    String err = oneError(worker("grpc://no-such-host.invalid:13000?connect_timeout=1"));
    assertTrue(err.contains("no-such-host.invalid:13000 cannot be reached"), err);
  }

  @Test
  void serverOfAnotherProtocol_saysItIsNoGrpcServer() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        x -> {
          x.sendResponseHeaders(200, 2);
          x.getResponseBody().write("ok".getBytes());
          x.close();
        });
    http.start();
    try {
      String err =
          oneError(
              worker("grpc://127.0.0.1:" + http.getAddress().getPort() + "?connect_timeout=1"));
      assertTrue(err.contains("answered, but not as a gRPC storage server"), err);
    } finally {
      http.stop(0);
    }
  }

  @Test
  void requestTooLarge_saysTheServerRefusedItsSize() throws Exception {
    try (Storage backend = Storages.inMemory();
        StorageServer server =
            StorageServer.start(
                backend,
                ServerOptions.defaults()
                    .withAddress("127.0.0.1", 0)
                    .withMaxMessageBytes(64 << 10)
                    .withLog(m -> {}))) {
      // hpo run stores its study file with the study: a file larger than the server's limit.
      Path big = dir.resolve("big.yaml");
      Files.writeString(big, Files.readString(Path.of(EXAMPLE)) + "#" + "x".repeat(100_000) + "\n");
      String err =
          oneError(CliRun.of("run", big.toString(), "--storage", server.url(), "--trials", "1"));
      assertTrue(
          err.contains("refused a request too large") && err.contains(server.url().substring(7)),
          err);
    }
  }

  @Test
  void wrongOrMissingToken_saysTheServerRefusedTheClient() throws Exception {
    try (Storage backend = Storages.inMemory();
        StorageServer server =
            StorageServer.start(
                backend,
                ServerOptions.defaults()
                    .withAddress("127.0.0.1", 0)
                    .withToken("s3cret-token")
                    .withLog(m -> {}))) {
      Path wrong = Files.writeString(dir.resolve("wrong"), "guess\n");
      String err = oneError(worker(server.url() + "?token_file=" + wrong));
      assertTrue(err.contains("refused this client") && err.contains("refused the token"), err);
      assertFalse(err.contains("s3cret") || err.contains("guess"), "no secret in messages: " + err);
      assertTrue(oneError(worker(server.url())).contains("requires a token"));
      Path right = Files.writeString(dir.resolve("right"), "s3cret-token\n");
      CliRun ok = worker(server.url() + "?token_file=" + right);
      assertEquals(0, ok.code(), ok.err());
    }
  }

  @Test
  void badUrl_namesTheOption() {
    String err = oneError(worker("grpc://127.0.0.1:13000?timeout=3"));
    assertTrue(err.contains("option 'timeout' is not known") && err.contains("retry_for"), err);
    assertTrue(oneError(worker("grpc://127.0.0.1:99999")).contains("port must be in 1..65535"));
  }

  @Test
  void serve_portInUse_saysSo() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String err =
          oneError(CliRun.of("serve", "--storage", "memory", "--port", "" + taken.getLocalPort()));
      assertTrue(err.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), err);
    }
  }
}
