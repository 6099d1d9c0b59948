package org.hpo4j.testing;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;

class InMemoryStorageTest extends StorageContractTest {
  @Override
  protected Storage newStorage() {
    return Storages.inMemory();
  }
}
