/**
 * Persistent storage over JDBC: an SQLite file (the CLI's default, {@code sqlite:hpo.db}) for one
 * machine, PostgreSQL ({@code postgresql://user:password@host:5432/db}) for many workers on many
 * machines. Open one with {@link org.hpo4j.storage.Storages#open(String)} (found through
 * {@link org.hpo4j.jdbc.JdbcStorageProvider}) or {@link org.hpo4j.jdbc.JdbcStorage#open(String,
 * JdbcOptions)}.
 *
 * <p>URL query options: {@code heartbeat_interval} and {@code grace_period} (seconds),
 * {@code max_retries}, {@code pool_size}; other query parameters go to the driver (e.g.
 * {@code sslmode}, {@code currentSchema}).
 *
 * <p>Durability: every write is its own committed transaction, so a killed worker loses nothing it
 * wrote. On PostgreSQL each commit waits for the WAL flush; where losing the last fraction of a
 * second of trials in a <em>server</em> crash is acceptable,
 * {@code ?options=-c%20synchronous_commit%3Doff} makes commits several times cheaper. SQLite runs
 * in WAL mode with {@code synchronous=NORMAL}: safe against process crashes, and against power loss
 * up to the last transactions.
 *
 * <p>The schema is created and migrated by Flyway from {@code db/migration/V*.sql}, one script set
 * for both databases with the column types as placeholders ({@link org.hpo4j.jdbc.Dialect}). A
 * database whose schema is newer than this code is refused with a message, never silently used.
 */
package org.hpo4j.jdbc;
