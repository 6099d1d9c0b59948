package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Optuna 5.0.0rc1 beside the repository ({@code ../shared/peers/optuna.sh} from the
 * repository root, or {@code HPO4J_OPTUNA_SH}), and the storages both sides open: an SQLite file, a
 * PostgreSQL schema of its own (on {@code HPO4J_PG_URL}) and a journal file. Without the peer (or
 * PostgreSQL) the tests are skipped, except under {@code CI=true}, where they fail.
 */
final class OptunaPeer {
  private static final AtomicInteger SEQ = new AtomicInteger();

  /**
   * JDBC URL, user, password and name of each PostgreSQL schema created, to drop after the test.
   */
  private static final List<String[]> CREATED = new ArrayList<>();

  private static final Pattern PG =
      Pattern.compile("postgres(?:ql)?://([^:@/]+)(?::([^@/]*))?@([^/:]+)(?::(\\d+))?/([^?]+).*");

  private OptunaPeer() {}

  /**
   * @return the launcher of the Python peer, or skips (fails under CI)
   */
  static Path script() {
    String env = System.getenv("HPO4J_OPTUNA_SH");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/peers/optuna.sh");
    need(
        Files.isExecutable(p),
        "the Python peer " + p.toAbsolutePath().normalize() + " is missing (HPO4J_OPTUNA_SH)");
    return p;
  }

  static void need(boolean present, String what) {
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("CI=true but " + what);
    }
    assumeTrue(present, what + ": Optuna interop test skipped");
  }

  /**
   * @return the path of a Python script of the tests
   */
  static String resource(String name) {
    return Path.of("src/test/resources/optuna", name).toAbsolutePath().toString();
  }

  /** Runs a peer script to its end; @return its standard output */
  static String run(Path logDir, String script, String... args)
      throws IOException, InterruptedException {
    Process p = start(logDir, script, args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(script + " did not finish: " + log(logDir, script));
    }
    String out = Files.readString(logDir.resolve(script + ".out"));
    assertEquals(0, p.exitValue(), script + " failed: " + log(logDir, script));
    return out;
  }

  static Process start(Path logDir, String script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(script().toString(), resource(script)));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectOutput(logDir.resolve(script + ".out").toFile())
        .redirectError(logDir.resolve(script + ".err").toFile())
        .start();
  }

  static String log(Path logDir, String script) throws IOException {
    Path err = logDir.resolve(script + ".err");
    return Files.exists(err) ? Files.readString(err) : "";
  }

  /** Drops the PostgreSQL schemas that {@link #store} created. */
  static void dropCreated() throws SQLException {
    synchronized (CREATED) {
      for (String[] c : CREATED) {
        try (Connection conn = DriverManager.getConnection(c[0], c[1], c[2]);
            Statement s = conn.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + c[3] + " CASCADE");
        }
      }
      CREATED.clear();
    }
  }

  /** One storage as hpo4j and Optuna each name it. */
  record Store(String kind, String hpo, String python) {}

  /**
   * @return a new, empty storage of {@code kind} (sqlite, postgresql, journal)
   */
  static Store store(String kind, Path dir) throws SQLException {
    switch (kind) {
      case "sqlite" -> {
        Path f = dir.resolve("hpo.db").toAbsolutePath();
        return new Store(kind, "sqlite:" + f, "sqlite:///" + f);
      }
      case "journal" -> {
        Path f = dir.resolve("hpo.log").toAbsolutePath();
        return new Store(kind, "journal:" + f, "journal:" + f);
      }
      default -> {
        String url = System.getenv("HPO4J_PG_URL");
        need(url != null && !url.isBlank(), "HPO4J_PG_URL is not set");
        Matcher m = PG.matcher(url);
        assumeTrue(m.matches(), "HPO4J_PG_URL is not postgresql://user:password@host[:port]/db");
        String schema =
            "optuna_interop_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        String port = m.group(4) == null ? "5432" : m.group(4);
        try (Connection c =
                DriverManager.getConnection(
                    "jdbc:postgresql://" + m.group(3) + ":" + port + "/" + m.group(5),
                    m.group(1),
                    m.group(2));
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          s.execute("CREATE SCHEMA " + schema);
        }
        synchronized (CREATED) {
          CREATED.add(
              new String[] {
                "jdbc:postgresql://" + m.group(3) + ":" + port + "/" + m.group(5),
                m.group(1),
                m.group(2),
                schema
              });
        }
        String base =
            m.group(1) + ":" + m.group(2) + "@" + m.group(3) + ":" + port + "/" + m.group(5);
        return new Store(
            kind,
            "postgresql://" + base + "?currentSchema=" + schema,
            "postgresql+psycopg2://" + base + "?options=-csearch_path%3D" + schema);
      }
    }
  }
}
