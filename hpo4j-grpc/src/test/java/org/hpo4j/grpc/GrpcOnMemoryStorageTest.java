package org.hpo4j.grpc;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.AfterEach;

/** The storage contract through grpc:// against a server in front of the in-memory storage. */
class GrpcOnMemoryStorageTest extends StorageContractTest {
  private Served served;

  @Override
  protected Storage newStorage() {
    served = new Served(Storages.inMemory());
    return served.client;
  }

  @AfterEach
  void stopServer() {
    served.close();
  }
}
