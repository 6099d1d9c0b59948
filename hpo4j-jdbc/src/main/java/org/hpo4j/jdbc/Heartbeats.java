package org.hpo4j.jdbc;

import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Beats for the RUNNING trials this process started, every heartbeat interval, on one daemon
 * thread, so that a study run through the plain {@code Study} API keeps its trials alive without
 * the objective doing anything. When the process dies the beats stop and the stale-trial sweep of
 * another process fails the trials after the grace period.
 *
 * <p>Thread-safe.
 */
final class Heartbeats implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Heartbeats.class.getName());

  private final Database db;
  private final Clock clock;
  private final Duration interval;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;
  private boolean closed;

  Heartbeats(Database db, Clock clock, Duration interval) {
    this.db = db;
    this.clock = clock;
    this.interval = interval;
  }

  /** Starts beating for a trial this process runs (its first beat was written with the trial). */
  void start(long trialId) {
    running.add(trialId);
    startTimer();
  }

  /** Stops beating for a finished trial. */
  void stop(long trialId) {
    running.remove(trialId);
  }

  /** @return whether this process beats for the trial */
  boolean owns(long trialId) {
    return running.contains(trialId);
  }

  private synchronized void startTimer() {
    if (timer != null || closed) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hpo4j-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::beatAll, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void beatAll() {
    List<Long> ids = new ArrayList<>(running);
    if (ids.isEmpty()) {
      return;
    }
    try {
      long now = clock.millis();
      db.write("writing heartbeats", c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trial_heartbeats SET beat = ? WHERE trial_id = ?")) {
          for (long id : ids) {
            ps.setLong(1, now);
            ps.setLong(2, id);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return null;
      });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat failed; will retry in " + interval + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
