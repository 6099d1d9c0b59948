package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of the tests: {@code HPO4J_PG_URL} (see {@code .ci/postgres.sh}). Without
 * it the PostgreSQL tests are skipped, except under {@code CI=true}, where they must run. Each test
 * gets its own schema, dropped afterwards, so tests never see each other's studies.
 */
final class PgTesting {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private PgTesting() {}

  /**
   * @return the server's storage URL, or skips (fails under CI) when none is configured
   */
  static String url() {
    String url = System.getenv("HPO4J_PG_URL");
    if ((url == null || url.isBlank()) && "true".equals(System.getenv("CI"))) {
      fail(
          "CI=true but HPO4J_PG_URL is not set; run `export HPO4J_PG_URL=\"$(bash .ci/postgres.sh)\"` first");
    }
    assumeTrue(
        url != null && !url.isBlank(),
        "HPO4J_PG_URL is not set: PostgreSQL tests skipped (export HPO4J_PG_URL=\"$(bash .ci/postgres.sh)\" to run them)");
    return url;
  }

  /**
   * @return a new, empty schema's name
   */
  static String createSchema() throws SQLException {
    String schema = "hpo4j_test_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /**
   * @return {@link #url()} pointed at {@code schema}
   */
  static String urlFor(String schema) {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropSchema(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  static void execute(String sql) throws SQLException {
    JdbcUrl u = JdbcUrl.parse(url());
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
