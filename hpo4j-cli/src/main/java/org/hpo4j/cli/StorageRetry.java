package org.hpo4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;
import org.hpo4j.storage.StorageFaults;

/**
 * What a worker does around its trials (joining the study, printing the best trial at the end)
 * retried while the storage fails for a transient reason, as the study loop retries its own calls:
 * a worker whose database restarts while it joins waits for it instead of exiting. Gives up after
 * ten minutes.
 */
final class StorageRetry {
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private StorageRetry() {}

  static <T> T call(PrintWriter err, String doing, Supplier<T> work) {
    long start = System.nanoTime();
    long pauseMs = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (!StorageFaults.isTransient(e) || System.nanoTime() - start > PATIENCE.toNanos()) {
          throw e;
        }
        err.printf(
            "%s failed (attempt %d), retrying in %.1f s: %s%n",
            doing, attempt, pauseMs / 1000.0, org.hpo4j.storage.Secrets.redact(e.getMessage()));
        err.flush();
        try {
          Thread.sleep(pauseMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMs = Math.min(pauseMs * 2, 5000);
      }
    }
  }
}
