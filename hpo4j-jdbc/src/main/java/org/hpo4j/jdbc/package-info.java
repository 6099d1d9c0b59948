/**
 * Persistent storage in Optuna's formats, so that hpo4j and Optuna (and optuna-dashboard) share
 * studies: over JDBC an SQLite file (the CLI's default, {@code sqlite:hpo.db}) for one machine,
 * PostgreSQL ({@code postgresql://user:password@host:5432/db}) for many workers on many machines.
 * Open one with {@link org.hpo4j.storage.Storages#open(String)} (found through {@link
 * org.hpo4j.jdbc.JdbcStorageProvider}) or {@link org.hpo4j.jdbc.JdbcStorage#open(String,
 * JdbcOptions)}; and a journal file ({@code journal:PATH}, {@link org.hpo4j.jdbc.JournalStorage})
 * in the format of Optuna's {@code JournalFileBackend}, for workers that share only a file system.
 *
 * <p>URL query options: {@code heartbeat_interval} and {@code grace_period} (seconds), {@code
 * max_retries}, {@code pool_size}; other query parameters go to the driver (e.g. {@code sslmode},
 * {@code currentSchema}).
 *
 * <p>Durability: every write is its own committed transaction, so a killed worker loses nothing it
 * wrote. On PostgreSQL each commit waits for the WAL flush; where losing the last fraction of a
 * second of trials in a <em>server</em> crash is acceptable, {@code
 * ?options=-c%20synchronous_commit%3Doff} makes commits several times cheaper. SQLite runs in WAL
 * mode with {@code synchronous=NORMAL}: safe against process crashes, and against power loss up to
 * the last transactions.
 *
 * <p>The schema is Optuna's RDB schema at alembic revision v3.2.0.a ({@link org.hpo4j.jdbc.Schema},
 * one script per database under {@code org/hpo4j/jdbc/schema-*.sql}); a database of hpo4j's earlier
 * Flyway schema is migrated once ({@link org.hpo4j.jdbc.LegacyMigration}). A database of another
 * revision or of another program is refused with a message, unchanged, never silently used.
 */
package org.hpo4j.jdbc;
