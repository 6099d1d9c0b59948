package org.hpo4j.jdbc;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hpo4j.trial.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RUNNING trials this process runs ({@link LocalTrial}s) and their heartbeats: every heartbeat
 * interval, one daemon thread beats for all of them in one transaction, which also flushes what
 * they wrote since (parameters, intermediate values, attributes). So a study run through the plain
 * {@code Study} API keeps its trials alive without the objective doing anything, and a trial that
 * runs longer than one interval has its parameters in the database for a retry. When the process
 * dies the beats stop and the stale-trial sweep of another process fails the trials after the grace
 * period.
 *
 * <p>Thread-safe.
 */
final class Heartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

  /**
   * Renews the beat row (written when the trial was created or claimed) while the trial is RUNNING.
   */
  static final String BEAT_SQL =
      "INSERT INTO trial_heartbeats (trial_id, heartbeat) SELECT ?, ? "
          + TrialWrites.WHILE_RUNNING
          + "ON CONFLICT (trial_id) DO UPDATE SET heartbeat = excluded.heartbeat";

  private final Database db;
  private final Clock clock;
  private final Duration interval;
  private final Map<Long, LocalTrial> running = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;
  private boolean closed;

  Heartbeats(Database db, Clock clock, Duration interval) {
    this.db = db;
    this.clock = clock;
    this.interval = interval;
  }

  /** Starts beating for a trial this process runs (its start time is its first beat). */
  void start(FrozenTrial trial) {
    running.put(trial.id(), new LocalTrial(trial));
    startTimer();
  }

  /** Stops beating for a finished trial. */
  void stop(long trialId) {
    running.remove(trialId);
  }

  /**
   * @return the trial when this process runs it, else null
   */
  LocalTrial local(long trialId) {
    return running.get(trialId);
  }

  /**
   * @return whether this process beats for the trial
   */
  boolean owns(long trialId) {
    return running.containsKey(trialId);
  }

  /** Beats for and flushes every trial this process runs, waiting for each. */
  void flushAll() {
    beat(new ArrayList<>(running.values()), true);
  }

  /**
   * Replaces, in a list of trials sorted by number (mutable), each trial this process runs by its
   * {@link LocalTrial#overlay}: what this process wrote and has not flushed yet.
   */
  void overlay(List<FrozenTrial> trials) {
    if (running.isEmpty() || trials.isEmpty()) {
      return;
    }
    for (LocalTrial t : running.values()) {
      int i =
          java.util.Collections.binarySearch(
              trials, t.base, java.util.Comparator.comparingInt(FrozenTrial::number));
      if (i >= 0 && trials.get(i).id() == t.base.id()) {
        trials.set(i, t.overlay(trials.get(i)));
      }
    }
  }

  private synchronized void startTimer() {
    if (timer != null || closed) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hpo4j-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::beatAll, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void beatAll() {
    try {
      beat(new ArrayList<>(running.values()), false);
    } catch (RuntimeException e) {
      LOG.warn("heartbeat failed; will retry in " + interval + ": " + e.getMessage());
    }
  }

  /**
   * Beats for {@code trials} and flushes their writes in one transaction. A trial whose lock is
   * held (it is being finished) is skipped unless {@code wait}.
   */
  void beat(List<LocalTrial> trials, boolean wait) {
    List<LocalTrial> locked = new ArrayList<>();
    try {
      for (LocalTrial t : trials) {
        if (wait) {
          t.lock.lock();
        } else if (!t.lock.tryLock()) {
          continue;
        }
        if (t.closed) {
          t.lock.unlock();
        } else {
          locked.add(t);
        }
      }
      if (locked.isEmpty()) {
        return;
      }
      long now = clock.millis();
      db.write(
          "writing heartbeats",
          false,
          c -> {
            try (PreparedStatement ps = c.prepareStatement(BEAT_SQL)) {
              for (LocalTrial t : locked) {
                ps.setLong(1, t.base.id());
                Times.bind(ps, 2, db.dialect, now);
                ps.setLong(3, t.base.id());
                ps.addBatch();
              }
              ps.executeBatch();
            }
            for (LocalTrial t : locked) {
              t.flush(c, true);
            }
            return null;
          });
      for (LocalTrial t : locked) {
        t.flushed();
      }
      org.hpo4j.storage.FaultPoint.reached("heartbeat"); // the fault suite's kill, when armed
    } finally {
      for (LocalTrial t : locked) {
        t.lock.unlock();
      }
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
