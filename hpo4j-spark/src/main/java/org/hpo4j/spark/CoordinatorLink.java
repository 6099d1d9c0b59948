package org.hpo4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How an executor task reaches its run's {@link TrialCoordinator} on the driver. One HTTP client
 * per executor JVM, shared by its tasks (connections are kept alive). A call that cannot connect is
 * tried again a few times (a driver's pause), then fails the task with one message naming the
 * address.
 *
 * @param base the run's address, {@code http://driver:port/hpo4j/<run id>}
 */
record CoordinatorLink(String base) implements Serializable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final int TRIES = 4;

  /**
   * Reports the trial of {@code doneSlot} (if &gt;= 0) and claims the next: @return its slot, or
   * -1: stop.
   */
  int next(int job, int task, int attempt, int doneSlot, long doneId) {
    String r =
        call(
            "next",
            "job="
                + job
                + "&task="
                + task
                + "&attempt="
                + attempt
                + "&slot="
                + doneSlot
                + (doneSlot >= 0 ? "&id=" + doneId : ""));
    return r.startsWith("run ") ? Integer.parseInt(r.substring(4).trim()) : -1;
  }

  /** Says which trial runs in {@code slot}. */
  void started(int job, int task, int attempt, int slot, long trialId) {
    call(
        "started",
        "job="
            + job
            + "&task="
            + task
            + "&attempt="
            + attempt
            + "&slot="
            + slot
            + "&id="
            + trialId);
  }

  private String call(String op, String query) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + "/" + op + "?" + query)).GET().build();
    IOException last = null;
    for (int i = 0; i < TRIES; i++) {
      try {
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(
              "the driver's trial coordinator at "
                  + host()
                  + " answered "
                  + r.statusCode()
                  + ": "
                  + r.body());
        }
        return r.body();
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(250L << i);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while calling the driver's trial coordinator", e);
      }
    }
    throw new IllegalStateException(
        "executor cannot reach the driver's trial coordinator at "
            + host()
            + " (spark.driver.host, spark.hpo4j.coordinator.port): "
            + last);
  }

  /**
   * @return the address without the run id
   */
  private String host() {
    int i = base.indexOf("/hpo4j/");
    return i < 0 ? base : base.substring(0, i);
  }
}
