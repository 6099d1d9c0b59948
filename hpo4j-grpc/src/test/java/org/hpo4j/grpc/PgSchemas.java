package org.hpo4j.grpc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of the tests, {@code HPO4J_PG_URL}: skipped without it, except under {@code
 * CI=true}, where the tests must run. Each test gets a schema of its own, dropped after.
 */
final class PgSchemas {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Pattern URL =
      Pattern.compile("postgres(?:ql)?://([^:@/]+)(?::([^@]*))?@([^/?]+)/([^?]+).*");

  private PgSchemas() {}

  static String url() {
    String url = System.getenv("HPO4J_PG_URL");
    if ((url == null || url.isBlank()) && "true".equals(System.getenv("CI"))) {
      fail(
          "CI=true but HPO4J_PG_URL is not set; run `export HPO4J_PG_URL=\"$(bash .ci/postgres.sh)\"` first");
    }
    assumeTrue(url != null && !url.isBlank(), "HPO4J_PG_URL is not set: PostgreSQL tests skipped");
    return url;
  }

  static String create() throws SQLException {
    String schema = "hpo4j_grpc_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static String urlFor(String schema) {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void drop(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    Matcher m = URL.matcher(url());
    if (!m.matches()) {
      throw new IllegalStateException(
          "HPO4J_PG_URL must look like postgresql://user:pw@host:port/db");
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + m.group(3) + "/" + m.group(4), m.group(1), m.group(2));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
