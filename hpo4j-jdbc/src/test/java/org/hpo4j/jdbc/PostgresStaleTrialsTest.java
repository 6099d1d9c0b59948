package org.hpo4j.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The heartbeat, sweep and retry tests on PostgreSQL, whose finish is one statement of its own. */
class PostgresStaleTrialsTest extends StaleTrialsTest {
  private String schema;

  @BeforeAll
  static void needsServer() {
    PgTesting.url();
  }

  @Override
  String baseUrl() throws Exception {
    schema = PgTesting.createSchema();
    return PgTesting.urlFor(schema);
  }

  @AfterEach
  @Override
  void close() throws Exception {
    super.close();
    PgTesting.dropSchema(schema);
  }
}
