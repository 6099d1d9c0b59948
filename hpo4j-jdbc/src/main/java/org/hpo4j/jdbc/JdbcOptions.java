package org.hpo4j.jdbc;

import static org.hpo4j.Checks.requireArgument;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Tuning of a {@link JdbcStorage}: how often running trials beat, how old a beat may get before its
 * trial counts as dead, how often a dead trial's parameters are retried, and the connection pool.
 * Each can also be given in the storage URL's query string under the names in {@link #KEYS}, e.g.
 * {@code sqlite:hpo.db?grace_period=30&max_retries=3} (seconds for durations).
 *
 * <p>Immutable.
 *
 * @param heartbeatInterval how often this process beats for the trials it runs
 * @param gracePeriod a RUNNING trial whose last beat is older than this is failed by the sweep
 * @param maxRetries how many times a dead trial's parameters are re-enqueued (0: never)
 * @param poolSize connections in the pool
 * @param synchronousCommit which commits wait for the disk (query name {@code synchronous_commit})
 * @param clock the source of timestamps and of "now" for the sweep
 */
public record JdbcOptions(
    Duration heartbeatInterval,
    Duration gracePeriod,
    int maxRetries,
    int poolSize,
    SynchronousCommit synchronousCommit,
    Clock clock) {

  /** The query-string names hpo4j takes out of a storage URL. */
  public static final Set<String> KEYS =
      Set.of(
          "heartbeat_interval",
          "grace_period",
          "max_retries",
          "pool_size",
          "synchronous_commit",
          "read_only");

  /**
   * Which commits wait until PostgreSQL has flushed them to disk (an fsync costs milliseconds, far
   * more than the statements of a trial). A commit that does not wait is still atomic and at once
   * visible to every worker, and survives the death of any worker; only a crash of the database
   * server or its machine may lose the commits of its last ~0.6 s (3 x {@code wal_writer_delay}).
   * Because the write-ahead log is sequential, a commit that waits also makes every earlier one
   * durable. SQLite in WAL mode never waits for the disk except with {@code ALWAYS} ({@code
   * synchronous=FULL}); a killed process loses nothing there either.
   */
  public enum SynchronousCommit {
    /** Every transaction waits: a server crash loses nothing that was committed. */
    ALWAYS,
    /**
     * The default: finishing a trial, failing a stale one, creating and deleting a study wait;
     * creating, claiming and beating for a RUNNING trial (with the flush of its parameters) do not.
     * A server crash loses no FINISHED trial, but may lose the trials that started in its last ~0.6
     * s (their workers' connections die with the server, so those trials fail at finish).
     */
    FINISHED,
    /**
     * Opt-in, no transaction waits: a crash of the database server (not of a worker) may lose the
     * trials finished in its last ~0.6 s. Fastest; for studies that can afford to re-run them.
     */
    OFF
  }

  /**
   * @throws IllegalArgumentException naming the option and the allowed range
   */
  public JdbcOptions {
    requireArgument(
        heartbeatInterval != null && !heartbeatInterval.isNegative() && !heartbeatInterval.isZero(),
        "heartbeat_interval must be > 0, but got %s",
        heartbeatInterval);
    requireArgument(
        gracePeriod != null && gracePeriod.compareTo(heartbeatInterval) > 0,
        "grace_period must be longer than heartbeat_interval (%s), but got %s",
        heartbeatInterval,
        gracePeriod);
    requireArgument(maxRetries >= 0, "max_retries must be >= 0, but got %s", maxRetries);
    requireArgument(
        poolSize >= 1 && poolSize <= 256, "pool_size must be in 1..256, but got %s", poolSize);
    requireArgument(
        synchronousCommit != null, "synchronous_commit must be always, finished or off");
    requireArgument(clock != null, "clock must not be null");
  }

  /**
   * @return beats every 10 s, 60 s grace, no retry, 8 connections, synchronous commits for finished
   *     trials, the system clock
   */
  public static JdbcOptions defaults() {
    return new JdbcOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        0,
        8,
        SynchronousCommit.FINISHED,
        Clock.systemUTC());
  }

  /**
   * @return a copy with another heartbeat interval
   */
  public JdbcOptions withHeartbeatInterval(Duration d) {
    return new JdbcOptions(d, gracePeriod, maxRetries, poolSize, synchronousCommit, clock);
  }

  /**
   * @return a copy with another grace period
   */
  public JdbcOptions withGracePeriod(Duration d) {
    return new JdbcOptions(heartbeatInterval, d, maxRetries, poolSize, synchronousCommit, clock);
  }

  /**
   * @return a copy with another retry limit
   */
  public JdbcOptions withMaxRetries(int n) {
    return new JdbcOptions(heartbeatInterval, gracePeriod, n, poolSize, synchronousCommit, clock);
  }

  /**
   * @return a copy with another pool size
   */
  public JdbcOptions withPoolSize(int n) {
    return new JdbcOptions(heartbeatInterval, gracePeriod, maxRetries, n, synchronousCommit, clock);
  }

  /**
   * @return a copy with another commit policy
   */
  public JdbcOptions withSynchronousCommit(SynchronousCommit s) {
    return new JdbcOptions(heartbeatInterval, gracePeriod, maxRetries, poolSize, s, clock);
  }

  /**
   * @return a copy with another clock (tests)
   */
  public JdbcOptions withClock(Clock c) {
    return new JdbcOptions(
        heartbeatInterval, gracePeriod, maxRetries, poolSize, synchronousCommit, c);
  }

  /**
   * @return a copy overridden by URL query options (durations in seconds, fractions allowed)
   * @throws IllegalArgumentException naming the option when a value is not a number
   */
  JdbcOptions with(Map<String, String> query) {
    Duration beat = heartbeatInterval;
    Duration grace = gracePeriod;
    int retries = maxRetries;
    int pool = poolSize;
    SynchronousCommit sync = synchronousCommit;
    for (Map.Entry<String, String> e : query.entrySet()) {
      String v = e.getValue();
      switch (e.getKey()) {
        case "heartbeat_interval" -> beat = seconds(e.getKey(), v);
        case "grace_period" -> grace = seconds(e.getKey(), v);
        case "max_retries" -> retries = integer(e.getKey(), v);
        case "pool_size" -> pool = integer(e.getKey(), v);
        case "synchronous_commit" -> sync = synchronousCommit(v);
        case "read_only" -> JdbcUrl.flag(e.getKey(), v); // taken by JdbcUrl#readOnly
        default ->
            throw new IllegalArgumentException(
                "unknown storage option '" + e.getKey() + "'; allowed: " + KEYS);
      }
    }
    return new JdbcOptions(beat, grace, retries, pool, sync, clock);
  }

  private static SynchronousCommit synchronousCommit(String v) {
    for (SynchronousCommit s : SynchronousCommit.values()) {
      if (s.name().equalsIgnoreCase(v)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "synchronous_commit must be always, finished or off, but got '" + v + "'");
  }

  private static Duration seconds(String key, String v) {
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number of seconds, but got '" + v + "'");
    }
  }

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, but got '" + v + "'");
    }
  }
}
