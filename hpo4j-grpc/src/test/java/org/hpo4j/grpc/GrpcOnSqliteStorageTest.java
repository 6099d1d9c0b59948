package org.hpo4j.grpc;

import java.nio.file.Path;
import org.hpo4j.jdbc.JdbcStorage;
import org.hpo4j.storage.Storage;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract through grpc:// against a server in front of an SQLite file. */
class GrpcOnSqliteStorageTest extends StorageContractTest {
  @TempDir Path dir;
  private Served served;

  @Override
  protected Storage newStorage() {
    served = new Served(JdbcStorage.open("sqlite:" + dir.resolve("hpo.db")));
    return served.client;
  }

  @AfterEach
  void stopServer() {
    served.close();
  }
}
