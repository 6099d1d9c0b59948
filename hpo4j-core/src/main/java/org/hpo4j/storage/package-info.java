/**
 * The storage SPI: the single source of truth of every study. Trial numbers, parameter writes and
 * state transitions are atomic, so several processes may share one study. In core lives the
 * in-memory storage ({@link org.hpo4j.storage.Storages#inMemory()}); SQLite and PostgreSQL are in
 * hpo4j-jdbc, found through {@link org.hpo4j.storage.StorageProvider}.
 */
package org.hpo4j.storage;
