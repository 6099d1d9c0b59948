package org.hpo4j.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a self-signed certificate (made with the JDK's keytool) and the shared token. */
class TlsAndTokenTest {
  @TempDir Path dir;

  /** Writes cert.pem and key.pem for 127.0.0.1 and returns the directory. */
  private Path selfSigned() throws Exception {
    Path ks = dir.resolve("ks.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "hpo",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    Key key = store.getKey("hpo", "changeit".toCharArray());
    Certificate cert = store.getCertificate("hpo");
    Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
    return dir;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Test
  void tls_clientTrustingTheCertificate_works_plaintextClientIsToldWhy() throws Exception {
    Path d = selfSigned();
    try (Storage backend = Storages.inMemory();
        StorageServer server =
            StorageServer.start(
                backend,
                ServerOptions.defaults()
                    .withAddress("127.0.0.1", 0)
                    .withLog(m -> {})
                    .withTls(d.resolve("cert.pem"), d.resolve("key.pem")))) {
      assertTrue(server.url().endsWith("?tls=true"));
      try (GrpcStorage c = GrpcStorage.open(server.url() + "&ca=" + d.resolve("cert.pem"))) {
        long id = c.createStudy("tls", List.of(StudyDirection.MINIMIZE));
        assertEquals(id, c.findStudy("tls").orElseThrow());
      }
      String plain = "grpc://127.0.0.1:" + server.port() + "?connect_timeout=1";
      StorageException e = assertThrows(StorageException.class, () -> GrpcStorage.open(plain));
      assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }
  }

  @Test
  void token_rightOneWorks_wrongOneIsRefused_andNoTokenIsLogged() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (Storage backend = Storages.inMemory();
        StorageServer server =
            StorageServer.start(
                backend,
                ServerOptions.defaults()
                    .withAddress("127.0.0.1", 0)
                    .withLog(log::add)
                    .withToken("tok-123"))) {
      Path right = Files.writeString(dir.resolve("right"), "tok-123\n");
      Path wrong = Files.writeString(dir.resolve("wrong"), "tok-999\n");
      try (GrpcStorage c = GrpcStorage.open(server.url() + "?token_file=" + right)) {
        c.createStudy("t", List.of(StudyDirection.MINIMIZE));
      }
      StorageException e =
          assertThrows(
              StorageException.class,
              () -> GrpcStorage.open(server.url() + "?token_file=" + wrong));
      assertTrue(e.getMessage().contains("refused this client"), e.getMessage());
      List<String> lines = new ArrayList<>(log);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("refused") && l.contains("wrong token")),
          "" + lines);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("connection from")), "" + lines);
      assertFalse(
          lines.stream().anyMatch(l -> l.contains("tok-")), "never a token in the log: " + lines);
    }
  }
}
