package org.hpo4j.jdbc;

import java.nio.file.Path;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a journal file, opened through {@code Storages.open} as a user would. */
class JournalStorageTest extends StorageContractTest {
  @TempDir Path dir;

  @Override
  protected Storage newStorage() {
    return Storages.open("journal:" + dir.resolve("hpo.log"));
  }
}
