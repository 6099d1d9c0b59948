package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Test;

/** Issue 20: four half-open connections stalled the dashboard forever. */
class HalfOpenConnectionsTest {

  @Test
  void halfOpenConnections_doNotStallOthersAndAreDropped() throws Exception {
    try (Dashboard d = Dashboard.start(Storages.inMemory(), 0)) {
      List<Socket> stalled = new ArrayList<>();
      for (int i = 0; i < Dashboard.THREADS + 4; i++) {
        Socket s = new Socket("127.0.0.1", d.port());
        OutputStream out = s.getOutputStream();
        out.write(
            "GET /api/studies HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush(); // ... and never the blank line that ends the headers
        stalled.add(s);
      }
      // The server drops each stalled request after its request timeout (2 s in tests): the read
      // ends with end-of-stream instead of blocking forever.
      for (Socket s : stalled) {
        try (s;
            InputStream in = s.getInputStream()) {
          s.setSoTimeout(60_000);
          while (in.read() >= 0) {
            // drain whatever the server sent before closing
          }
        } catch (java.net.SocketException reset) {
          // dropped with a reset: just as good (a stall would end in SocketTimeoutException, not
          // caught)
        }
      }
      assertEquals(200, DashboardHandlerHostCheck.status(d.port(), "127.0.0.1"));
    }
  }
}
