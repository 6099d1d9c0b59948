package org.hpo4j.jdbc;

import java.nio.file.Path;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on an SQLite file, opened through {@code Storages.open} as a user would. */
class SqliteStorageTest extends StorageContractTest {
  @TempDir Path dir;

  @Override
  protected Storage newStorage() {
    return Storages.open("sqlite:" + dir.resolve("hpo.db"));
  }
}
