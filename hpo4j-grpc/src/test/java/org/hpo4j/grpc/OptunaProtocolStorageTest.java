package org.hpo4j.grpc;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.AfterEach;

/**
 * The storage contract through Optuna's calls alone ({@code ?protocol=optuna}), as the client
 * speaks to Optuna's own proxy server: one call per write, claims by SetTrialStateValues(RUNNING).
 */
class OptunaProtocolStorageTest extends StorageContractTest {
  private StorageServer server;
  private Storage backend;

  @Override
  protected Storage newStorage() {
    backend = Storages.inMemory();
    server =
        StorageServer.start(
            backend, ServerOptions.defaults().withAddress("127.0.0.1", 0).withLog(m -> {}));
    GrpcStorage s = GrpcStorage.open(server.url() + "?protocol=optuna");
    if (s.isHpo4jServer()) {
      throw new AssertionError("protocol=optuna must keep to Optuna's calls");
    }
    return s;
  }

  @AfterEach
  void stopServer() {
    server.close();
    backend.close();
  }
}
