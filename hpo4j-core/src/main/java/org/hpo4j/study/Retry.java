package org.hpo4j.study;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hpo4j.storage.StorageFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a storage call that failed for a transient reason ({@link StorageFaults#isTransient}),
 * waiting longer each time (doubling up to a cap), until it succeeds or the patience runs out. A
 * database that restarts or is away for minutes costs the study time, never a finished result nor a
 * worker. The sleeper and the clock are passed in so that tests need not wait.
 *
 * <p>Immutable and thread-safe.
 */
final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);

  /** Waits out a pause; {@code Thread::sleep} in production. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * 0.1 s doubling to 5 s, for up to an hour: an outage of the database longer than that is not
   * transient.
   */
  static final Retry DEFAULT =
      new Retry(
          Duration.ofMillis(100),
          Duration.ofSeconds(5),
          Duration.ofHours(1),
          d -> Thread.sleep(d.toMillis()),
          System::nanoTime);

  private final Duration first;
  private final Duration cap;
  private final Duration patience;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  Retry(Duration first, Duration cap, Duration patience, Sleeper sleeper, LongSupplier nanoTime) {
    this.first = first;
    this.cap = cap;
    this.patience = patience;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /**
   * @return what {@code work} returns, once it returns
   * @throws RuntimeException what {@code work} threw, when it is not transient, when the patience
   *     ran out, or when the thread was interrupted while waiting (its flag is then set again)
   */
  <T> T call(String doing, Supplier<T> work) {
    long start = nanoTime.getAsLong();
    Duration pause = first;
    for (int attempt = 1; ; attempt++) {
      try {
        T out = work.get();
        if (attempt > 1) {
          LOG.info(doing + " succeeded after " + attempt + " attempts");
        }
        return out;
      } catch (RuntimeException e) {
        if (!StorageFaults.isTransient(e)) {
          throw e;
        }
        long waited = nanoTime.getAsLong() - start;
        if (waited >= patience.toNanos()) {
          LOG.error(
              "gave up "
                  + doing
                  + " after "
                  + attempt
                  + " attempts in "
                  + Duration.ofNanos(waited).toSeconds()
                  + " s: "
                  + e.getMessage());
          throw e;
        }
        if (attempt == 1 || Integer.bitCount(attempt) == 1) {
          LOG.warn(
              doing
                  + " failed (attempt "
                  + attempt
                  + "), retrying in "
                  + pause.toMillis()
                  + " ms: "
                  + e.getMessage());
        }
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = pause.multipliedBy(2).compareTo(cap) > 0 ? cap : pause.multipliedBy(2);
      }
    }
  }

  /** As {@link #call(String, Supplier)} for work without a result. */
  void run(String doing, Runnable work) {
    call(
        doing,
        () -> {
          work.run();
          return null;
        });
  }
}
