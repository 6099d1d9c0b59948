package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Test;

/** Repro 7 of issue 20: clients that open a connection and never finish their request. */
class DashboardSlowClientsTest {
  @Test
  void halfOpenConnections_moreThanTheThreads_doNotStallTheDashboard() throws Exception {
    try (Dashboard d = Dashboard.start(Storages.inMemory(), 0)) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 6; i++) {
          Socket s = new Socket("127.0.0.1", d.port());
          OutputStream out = s.getOutputStream();
          out.write(
              "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  .getBytes(StandardCharsets.US_ASCII)); // no blank line
          out.flush();
          stalled.add(s);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(d.uri() + "api/studies"))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
    }
  }
}
