package org.hpo4j.grpc;

import org.hpo4j.jdbc.JdbcStorage;
import org.hpo4j.storage.Storage;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract through grpc:// against a server in front of PostgreSQL (HPO4J_PG_URL). */
class GrpcOnPostgresStorageTest extends StorageContractTest {
  private Served served;
  private String schema;

  @BeforeAll
  static void needsPostgres() {
    PgSchemas.url();
  }

  @Override
  protected Storage newStorage() throws Exception {
    schema = PgSchemas.create();
    served = new Served(JdbcStorage.open(PgSchemas.urlFor(schema)));
    return served.client;
  }

  @AfterEach
  void stopServer() throws Exception {
    if (served != null) {
      served.close();
    }
    if (schema != null) {
      PgSchemas.drop(schema);
    }
  }
}
