package org.hpo4j.jdbc;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.testing.StorageContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on PostgreSQL ({@code HPO4J_PG_URL}), each test in a fresh schema. */
class PostgresStorageTest extends StorageContractTest {
  private String schema;

  /** Skips the class before any storage is opened (the contract's AfterEach needs one). */
  @BeforeAll
  static void needsServer() {
    PgTesting.url();
  }

  @Override
  protected Storage newStorage() throws Exception {
    schema = PgTesting.createSchema();
    return Storages.open(PgTesting.urlFor(schema));
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      storage.close();
      PgTesting.dropSchema(schema);
    }
  }
}
