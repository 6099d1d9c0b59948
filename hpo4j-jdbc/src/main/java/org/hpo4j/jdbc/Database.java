package org.hpo4j.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hpo4j.storage.StorageException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A pooled connection to one storage database with its schema brought up to date: the plumbing
 * under {@link JdbcStorage}. Write transactions go through {@link #write}, which on SQLite also
 * serialises this process's writers on a Java lock so they queue instead of spinning on the file
 * lock.
 *
 * <p>Thread-safe.
 */
final class Database implements AutoCloseable {
  /** The highest schema version this code knows; a database at a higher one is refused. */
  static final int SCHEMA_VERSION = 2;

  private static final int BUSY_TIMEOUT_MS = 60_000;
  /** Held so that the level sticks: Flyway logs every migration step at INFO through JUL otherwise. */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  final JdbcUrl url;
  final Dialect dialect;
  private final HikariDataSource pool;
  private final ReentrantLock sqliteWriters = new ReentrantLock();
  private final JdbcOptions.SynchronousCommit commits;
  /** Whether a call failed transiently (the server away, the disk full) and none succeeded since. */
  private volatile boolean cutOff;
  /** Whether a call ever failed transiently, and System.nanoTime() of the first success after the last one. */
  private volatile boolean everCutOff;
  private volatile long reconnectedAt;

  /** Work done inside one connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Database(JdbcUrl url, HikariDataSource pool, JdbcOptions.SynchronousCommit commits) {
    this.commits = commits;
    this.url = url;
    this.dialect = url.dialect();
    this.pool = pool;
  }

  /**
   * Opens the pool and migrates the schema.
   *
   * @throws StorageException naming the URL when the database cannot be reached, is read-only or
   *     has a newer schema
   */
  static Database open(JdbcUrl url, int poolSize, JdbcOptions.SynchronousCommit commits) {
    if (url.readOnly()) {
      checkReadableSqliteFile(url);
    } else if (url.dialect() == Dialect.SQLITE) {
      checkSqliteFile(url);
    }
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("hpo4j-" + url.dialect().name().toLowerCase(java.util.Locale.ROOT));
    cfg.setMaximumPoolSize(poolSize);
    cfg.setMinimumIdle(1);
    cfg.setConnectionTimeout(30_000);
    cfg.setInitializationFailTimeout(1);
    cfg.setReadOnly(url.readOnly()); // the pool's flag must match the driver's, which cannot change once open
    cfg.setDataSource(dataSource(url, true, commits));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(cfg);
    } catch (RuntimeException e) {
      throw Errors.opening(url.display(), e);
    }
    Database db = new Database(url, pool, commits);
    try {
      db.migrate();
      return db;
    } catch (RuntimeException e) {
      pool.close();
      throw e instanceof StorageException se ? se : Errors.opening(url.display(), e);
    }
  }

  private static DataSource dataSource(JdbcUrl url, boolean immediate, JdbcOptions.SynchronousCommit commits) {
    if (url.dialect() == Dialect.SQLITE) {
      SQLiteConfig c = new SQLiteConfig();
      if (url.readOnly()) {
        c.setReadOnly(true); // and no journal-mode switch, which would write
        c.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(url.jdbcUrl());
        return ds;
      }
      c.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // NORMAL in WAL mode: a commit survives the death of any process (kill -9); only a crash of
      // the operating system may roll back the last commits. FULL also syncs every commit.
      c.setSynchronous(commits == JdbcOptions.SynchronousCommit.ALWAYS
          ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
      c.setBusyTimeout(BUSY_TIMEOUT_MS);
      c.enforceForeignKeys(true);
      if (immediate) {
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      }
      SQLiteDataSource ds = new SQLiteDataSource(c);
      ds.setUrl(url.jdbcUrl());
      return ds;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url.jdbcUrl());
    if (url.user() != null) {
      ds.setUser(url.user());
    }
    if (url.password() != null) {
      ds.setPassword(url.password());
    }
    ds.setConnectTimeout(10);
    ds.setReWriteBatchedInserts(true); // a batch of n inserts becomes one multi-row insert
    return ds;
  }

  private static void checkSqliteFile(JdbcUrl url) {
    String p = url.sqlitePath();
    if (p.startsWith("file:")) {
      return;
    }
    Path file = Path.of(p).toAbsolutePath();
    Path dir = file.getParent();
    if (Files.isDirectory(file)) {
      throw new StorageException("cannot open storage '" + url.display() + "': " + file + " is a directory; give a file path");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new StorageException("cannot open storage '" + url.display() + "': directory " + dir + " does not exist");
    }
    if (Files.exists(file) && !writable(file)) {
      throw new StorageException("cannot open storage '" + url.display() + "': file " + file
          + " is read-only; hpo4j writes every trial to it (make it writable, or copy it)");
    }
    if (!Files.exists(file) && dir != null && !writable(dir)) {
      throw new StorageException("cannot open storage '" + url.display() + "': directory " + dir
          + " is read-only, so the database file cannot be created");
    }
  }

  private static void checkReadableSqliteFile(JdbcUrl url) {
    Path file = Path.of(url.sqlitePath()).toAbsolutePath();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new StorageException("cannot open storage '" + url.display() + "' read-only: " + file
          + " is not a readable file");
    }
  }

  /** Honours the owner-write bit even for root, who may write anything. */
  private static boolean writable(Path p) {
    if (!Files.isWritable(p)) {
      return false;
    }
    try {
      return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return true;
    }
  }

  private void migrate() {
    int current = schemaVersion();
    if (current > SCHEMA_VERSION) {
      throw newerSchema(current);
    }
    if (current == SCHEMA_VERSION) {
      return;
    }
    if (url.readOnly()) {
      throw new StorageException("cannot open storage '" + url.display() + "' read-only: its schema is version "
          + current + " and needs an upgrade to " + SCHEMA_VERSION + "; open it once writable");
    }
    // Flyway gets its own plain connections: on SQLite its DDL must not begin IMMEDIATE transactions
    // on pooled connections that it also reads with.
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource(url, false, commits))
            .locations("classpath:db/migration")
            .placeholders(dialect.placeholders())
            .load()
            .migrate();
        return;
      } catch (RuntimeException e) {
        failure = e;
        // Another process may have migrated at the same time (SQLite has no migration lock).
        if (schemaVersion() >= SCHEMA_VERSION) {
          return;
        }
      }
    }
    throw Errors.opening(url.display(), failure);
  }

  private StorageException newerSchema(int found) {
    return new StorageException("cannot open storage '" + url.display() + "': its schema is version " + found
        + ", newer than this hpo4j knows (" + SCHEMA_VERSION + "); upgrade hpo4j to use it");
  }

  /** @return the highest successfully applied migration, 0 when there is no schema yet */
  private int schemaVersion() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      if (!tableExists(c)) {
        return 0;
      }
      int max = 0;
      try (ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
        while (rs.next()) {
          String v = rs.getString(1);
          if (v != null && rs.getBoolean(2)) {
            max = Math.max(max, Integer.parseInt(v.split("\\.")[0]));
          }
        }
      }
      return max;
    } catch (SQLException | NumberFormatException e) {
      throw Errors.opening(url.display(), e);
    }
  }

  private static boolean tableExists(Connection c) throws SQLException {
    String schema = c.getSchema();
    for (String name : new String[] {"flyway_schema_history", "FLYWAY_SCHEMA_HISTORY"}) {
      try (ResultSet rs = c.getMetaData().getTables(null, schema, name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs read-only work on a pooled connection in auto-commit mode. */
  <T> T read(String doing, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return succeeded(work.run(c));
    } catch (SQLException e) {
      throw failure(doing, e);
    }
  }

  private StorageException failure(String doing, SQLException e) {
    if (org.hpo4j.storage.StorageFaults.isTransient(e)) {
      everCutOff = true;
      cutOff = true;
    }
    return Errors.using(url.display(), doing, e);
  }

  private <T> T succeeded(T out) {
    if (cutOff) {
      reconnectedAt = System.nanoTime();
      cutOff = false;
    }
    return out;
  }

  /**
   * @return whether this process has been reaching the database for at least {@code d} since its
   *     last transient failure: only then may its sweep judge other workers' heartbeats, which could
   *     not be written while the database was away either (a call blocked waiting for a connection
   *     has not failed yet, so the time counts from the first success, not from the last failure)
   */
  boolean reachableFor(java.time.Duration d) {
    return !everCutOff || (!cutOff && System.nanoTime() - reconnectedAt >= d.toNanos());
  }

  /**
   * Runs work in one write transaction (IMMEDIATE on SQLite), committing when it returns and rolling
   * back when it throws. IllegalStateException and IllegalArgumentException from the work pass through.
   */
  <T> T write(String doing, Work<T> work) {
    return write(doing, true, work);
  }

  /**
   * As {@link #write(String, Work)}; a transaction that is not {@code durable} (it creates, claims,
   * beats for or flushes a RUNNING trial) does not wait for PostgreSQL to flush its commit to disk
   * unless {@code synchronous_commit=always}: see {@link JdbcOptions#synchronousCommit()}.
   */
  <T> T write(String doing, boolean durable, Work<T> work) {
    boolean sqlite = dialect == Dialect.SQLITE;
    boolean async = !sqlite && async(durable);
    if (sqlite) {
      sqliteWriters.lock();
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (async) {
          try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit TO OFF");
          }
        }
        T out = work.run(c);
        c.commit();
        return succeeded(out);
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException broken) {
          // Its transaction is gone (SQLite rolls back by itself on a full disk) or the link is:
          // a connection that thinks otherwise would fail the next borrower's commit.
          pool.evictConnection(c);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure(doing, e);
    } finally {
      if (sqlite) {
        sqliteWriters.unlock();
      }
    }
  }

  /** @return whether a PostgreSQL transaction of this durability commits without waiting for the disk */
  boolean async(boolean durable) {
    return commits == JdbcOptions.SynchronousCommit.OFF
        || (!durable && commits == JdbcOptions.SynchronousCommit.FINISHED);
  }

  /**
   * Runs one statement in auto-commit mode, its own transaction (PostgreSQL only): one round trip
   * instead of three for BEGIN, the statement and COMMIT.
   */
  <T> T autoCommit(String doing, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return succeeded(work.run(c));
    } catch (SQLException e) {
      throw failure(doing, e);
    }
  }

  /** @return whether a failure is a unique-key violation */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState())
        || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE"));
  }

  @Override
  public void close() {
    pool.close();
  }
}
