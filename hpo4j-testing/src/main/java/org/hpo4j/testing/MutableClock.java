package org.hpo4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, or that moves by a step each time it is read, so that heartbeats,
 * grace periods and sweeps are tested without waiting. Thread-safe.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private final Duration stepPerRead;

  /** A clock standing at {@code start} until moved. */
  public MutableClock(Instant start) {
    this(start, Duration.ZERO);
  }

  /**
   * A clock that moves {@code stepPerRead} every time it is read, so waiting out a period costs no
   * time.
   */
  public MutableClock(Instant start, Duration stepPerRead) {
    this.now = start;
    this.stepPerRead = stepPerRead;
  }

  /** Moves the clock forward by {@code d}. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized Instant instant() {
    if (!stepPerRead.isZero()) {
      now = now.plus(stepPerRead);
    }
    return now;
  }
}
