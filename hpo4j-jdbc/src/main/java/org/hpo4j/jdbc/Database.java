package org.hpo4j.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.hpo4j.storage.StorageException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A pooled connection to one storage database with its schema brought up to date ({@link Schema}):
 * the plumbing under {@link JdbcStorage}. Write transactions go through {@link #write}, which on
 * SQLite also serialises this process's writers on a Java lock so they queue instead of spinning on
 * the file lock.
 *
 * <p>Thread-safe.
 */
final class Database implements AutoCloseable {
  private static final int BUSY_TIMEOUT_MS = 60_000;
  final JdbcUrl url;
  final Dialect dialect;
  private final HikariDataSource pool;
  private final ReentrantLock sqliteWriters = new ReentrantLock();
  private final JdbcOptions.SynchronousCommit commits;

  /**
   * Whether a call failed transiently (the server away, the disk full) and none succeeded since.
   */
  private volatile boolean cutOff;

  /**
   * Whether a call ever failed transiently, and System.nanoTime() of the first success after the
   * last one.
   */
  private volatile boolean everCutOff;

  private volatile long reconnectedAt;

  /** What opening did to the schema (created, upgraded, migrated), or null. */
  String schemaNote;

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
    return open(url, poolSize, commits, true);
  }

  /**
   * As {@link #open(JdbcUrl, int, JdbcOptions.SynchronousCommit)}; without {@code mayMigrate} a
   * database of hpo4j's earlier schema or of Optuna's previous revision is refused, unchanged, with
   * a message saying how to migrate it (for commands that only read).
   */
  static Database open(
      JdbcUrl url, int poolSize, JdbcOptions.SynchronousCommit commits, boolean mayMigrate) {
    if (url.readOnly()) {
      checkReadableSqliteFile(url);
    } else if (url.dialect() == Dialect.SQLITE) {
      checkSqliteFile(url);
    }
    // A read-only database is read as it is, or refused unchanged.
    String note = prepareSchema(url, commits, mayMigrate && !url.readOnly());
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("hpo4j-" + url.dialect().name().toLowerCase(java.util.Locale.ROOT));
    cfg.setMaximumPoolSize(poolSize);
    cfg.setMinimumIdle(1);
    cfg.setConnectionTimeout(30_000);
    cfg.setInitializationFailTimeout(1);
    cfg.setReadOnly(
        url.readOnly()); // the pool's flag must match the driver's, which cannot change once open
    cfg.setDataSource(dataSource(url, true, commits));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(cfg);
    } catch (RuntimeException e) {
      throw Errors.opening(url.display(), e);
    }
    Database db = new Database(url, pool, commits);
    db.schemaNote = note;
    return db;
  }

  private static DataSource dataSource(
      JdbcUrl url, boolean immediate, JdbcOptions.SynchronousCommit commits) {
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
      c.setSynchronous(
          commits == JdbcOptions.SynchronousCommit.ALWAYS
              ? SQLiteConfig.SynchronousMode.FULL
              : SQLiteConfig.SynchronousMode.NORMAL);
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
    ds.setStringType("unspecified"); // text parameters may fill Optuna's enum columns
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
      throw new StorageException(
          "cannot open storage '"
              + url.display()
              + "': "
              + file
              + " is a directory; give a file path");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new StorageException(
          "cannot open storage '" + url.display() + "': directory " + dir + " does not exist");
    }
    if (Files.exists(file) && !writable(file)) {
      throw new StorageException(
          "cannot open storage '"
              + url.display()
              + "': file "
              + file
              + " is read-only; hpo4j writes every trial to it (make it writable, or copy it)");
    }
    if (!Files.exists(file) && dir != null && !writable(dir)) {
      throw new StorageException(
          "cannot open storage '"
              + url.display()
              + "': directory "
              + dir
              + " is read-only, so the database file cannot be created");
    }
  }

  private static void checkReadableSqliteFile(JdbcUrl url) {
    Path file = Path.of(url.sqlitePath()).toAbsolutePath();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new StorageException(
          "cannot open storage '"
              + url.display()
              + "' read-only: "
              + file
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

  /**
   * Brings the schema up to date on a plain connection, before the pool's connections switch an
   * SQLite file to WAL mode, so that a file hpo4j refuses is left exactly as it was.
   *
   * @return what was done, for {@code hpo studies migrate}: null when nothing
   */
  private static String prepareSchema(
      JdbcUrl url, JdbcOptions.SynchronousCommit commits, boolean mayMigrate) {
    boolean sqlite = url.dialect() == Dialect.SQLITE;
    try (Connection c = plainDataSource(url).getConnection()) {
      Schema.State state = Schema.inspect(c, url.display());
      if (state == Schema.State.CURRENT && (!mayMigrate || Schema.hasOwnIndex(c, url.dialect()))) {
        return null; // a reader of a database Optuna created leaves it as it is, without hpo4j's
        // index
      }
      if (!mayMigrate && (state == Schema.State.LEGACY || state == Schema.State.PREVIOUS)) {
        throw new StorageException(
            "cannot open storage '"
                + url.display()
                + "' for reading: "
                + (state == Schema.State.LEGACY
                    ? "it has hpo4j's earlier schema"
                    : "it has Optuna's revision " + Schema.PREVIOUS)
                + "; migrate it once with `hpo studies migrate --storage URL` (or any command that writes); it was not changed");
      }
      Path backup = null;
      if (state == Schema.State.LEGACY && sqlite) {
        backup = LegacyMigration.backup(c, Path.of(url.sqlitePath()).toAbsolutePath());
      }
      try (Statement s = c.createStatement()) {
        if (sqlite) {
          s.execute("BEGIN IMMEDIATE");
        } else {
          c.setAutoCommit(false);
          s.execute("SELECT pg_advisory_xact_lock(727217, hashtext(current_schema()))");
        }
        try {
          state = Schema.inspect(c, url.display()); // another process may have done it meanwhile
          switch (state) {
            case EMPTY -> Schema.create(c, url.dialect());
            case PREVIOUS -> Schema.upgradePrevious(c);
            case LEGACY -> LegacyMigration.run(c, url.dialect());
            default -> Schema.addOwnIndex(c); // a database Optuna created
          }
          if (sqlite) {
            s.execute("COMMIT");
          } else {
            c.commit();
          }
        } catch (SQLException | RuntimeException e) {
          if (sqlite) {
            s.execute("ROLLBACK");
          } else {
            c.rollback();
          }
          throw e;
        }
      }
      return switch (state) {
        case EMPTY -> "created Optuna's schema (revision " + Schema.REVISION + ")";
        case PREVIOUS ->
            "upgraded Optuna's schema from revision " + Schema.PREVIOUS + " to " + Schema.REVISION;
        case LEGACY ->
            "migrated hpo4j's earlier schema to Optuna's (revision "
                + Schema.REVISION
                + ")"
                + (backup == null ? "" : "; the old file is kept as " + backup);
        default -> null;
      };
    } catch (SQLException e) {
      if (sqlite
          && (String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")
              || String.valueOf(e.getMessage()).contains("not a database"))) {
        throw new StorageException(
            "cannot open storage '"
                + url.display()
                + "': "
                + url.sqlitePath()
                + " is not an SQLite database; it was not changed");
      }
      throw Errors.opening(url.display(), e);
    }
  }

  /** A connection source without the pool's settings (no WAL switch, no IMMEDIATE transactions). */
  private static DataSource plainDataSource(JdbcUrl url) {
    if (url.dialect() == Dialect.SQLITE) {
      SQLiteConfig c = new SQLiteConfig();
      c.setBusyTimeout(BUSY_TIMEOUT_MS);
      SQLiteDataSource ds = new SQLiteDataSource(c);
      ds.setUrl(url.jdbcUrl());
      return ds;
    }
    return dataSource(url, false, JdbcOptions.SynchronousCommit.ALWAYS);
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
   *     last transient failure: only then may its sweep judge other workers' heartbeats, which
   *     could not be written while the database was away either (a call blocked waiting for a
   *     connection has not failed yet, so the time counts from the first success, not from the last
   *     failure)
   */
  boolean reachableFor(java.time.Duration d) {
    return !everCutOff || (!cutOff && System.nanoTime() - reconnectedAt >= d.toNanos());
  }

  /**
   * Runs work in one write transaction (IMMEDIATE on SQLite), committing when it returns and
   * rolling back when it throws. IllegalStateException and IllegalArgumentException from the work
   * pass through.
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

  /**
   * @return whether a PostgreSQL transaction of this durability commits without waiting for the
   *     disk
   */
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

  /**
   * @return whether a failure is a unique-key violation
   */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState())
        || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE"));
  }

  @Override
  public void close() {
    pool.close();
  }
}
