package org.hpo4j.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpo4j.storage.Secrets;

/**
 * A parsed storage URL: which database, the JDBC URL to reach it, the text to show in messages
 * (password masked), and the options in its query string.
 *
 * <p>Accepted forms: {@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, {@code
 * postgresql://user[:password]@host[:port]/db}, {@code postgres://...} and {@code
 * jdbc:postgresql://host[:port]/db?user=..&password=..}. Query options named in {@link JdbcOptions}
 * are taken by hpo4j; on PostgreSQL the properties of its JDBC driver are passed to it; any other
 * option is refused, naming the allowed ones, since a mistyped option must not silently change what
 * is opened (on SQLite it would even name another file).
 *
 * @param dialect the database kind
 * @param jdbcUrl the URL for the driver, without credentials and without hpo4j's options
 * @param display the URL as the user wrote it, password replaced by {@code ***}
 * @param user user name, or null
 * @param password password, or null
 * @param sqlitePath the file of an SQLite storage (null for PostgreSQL)
 * @param options hpo4j options from the query string (e.g. {@code grace_period=60})
 */
record JdbcUrl(
    Dialect dialect,
    String jdbcUrl,
    String display,
    String user,
    String password,
    String sqlitePath,
    Map<String, String> options) {

  static final String FORMS =
      "sqlite:PATH, postgresql://user[:password]@host[:port]/db, "
          + "jdbc:sqlite:PATH, jdbc:postgresql://host[:port]/db";

  /**
   * The connection properties of the PostgreSQL JDBC driver, which a PostgreSQL URL may pass to it.
   */
  private static final java.util.Set<String> DRIVER_KEYS =
      java.util.Arrays.stream(org.postgresql.PGProperty.values())
          .map(org.postgresql.PGProperty::getName)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final Pattern PG =
      Pattern.compile(
          "(?:postgresql|postgres)://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?@]+|\\[[^\\]]+\\])(?::(\\d+))?/([^?/]+)(?:\\?(.*))?");
  private static final Pattern JDBC_PG =
      Pattern.compile("jdbc:postgresql://([^:/?]+|\\[[^\\]]+\\])(?::(\\d+))?/([^?/]+)(?:\\?(.*))?");

  /**
   * @return whether the URL asks for a read-only SQLite storage ({@code read_only=true}): nothing
   *     is written, not even the switch to WAL mode, so a read-only file can be listed, shown and
   *     exported
   */
  boolean readOnly() {
    return dialect == Dialect.SQLITE
        && options.containsKey("read_only")
        && flag("read_only", options.get("read_only"));
  }

  /**
   * @throws IllegalArgumentException naming the option unless {@code v} is true or false
   */
  static boolean flag(String key, String v) {
    if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
      throw new IllegalArgumentException(key + " must be true or false, but got '" + v + "'");
    }
    return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * @return whether this looks like a URL this module opens (it may still be malformed)
   */
  static boolean accepts(String url) {
    String u = url.trim();
    return u.startsWith("sqlite:")
        || u.startsWith("jdbc:sqlite:")
        || u.startsWith("postgresql:")
        || u.startsWith("postgres:")
        || u.startsWith("jdbc:postgresql:");
  }

  /**
   * @throws IllegalArgumentException naming the URL and the accepted forms when it is malformed
   */
  static JdbcUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw bad(url, "it is empty");
    }
    String u = url.trim();
    if (u.startsWith("jdbc:sqlite:") || u.startsWith("sqlite:")) {
      String rest = u.substring(u.indexOf("sqlite:") + "sqlite:".length());
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
      String query = null;
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      if (rest.isBlank()) {
        throw bad(url, "the file path is missing (e.g. sqlite:hpo.db)");
      }
      if (rest.contains(":memory:") || rest.contains("mode=memory")) {
        throw bad(
            url,
            "an in-memory SQLite database would be one per pooled connection; use the storage 'memory'");
      }
      Map<String, String> driver = new LinkedHashMap<>();
      Map<String, String> options = splitQuery(url, query, driver, Dialect.SQLITE);
      return new JdbcUrl(
          Dialect.SQLITE, "jdbc:sqlite:" + rest + join(driver), u, null, null, rest, options);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      Matcher m = JDBC_PG.matcher(u);
      if (!m.matches()) {
        throw bad(url, "it is not jdbc:postgresql://host[:port]/db[?user=..&password=..]");
      }
      Map<String, String> driver = new LinkedHashMap<>();
      Map<String, String> options = splitQuery(url, m.group(4), driver, Dialect.POSTGRESQL);
      String user = driver.remove("user");
      String password = driver.remove("password");
      String port = port(url, m.group(2));
      String jdbc =
          "jdbc:postgresql://" + m.group(1) + ":" + port + "/" + m.group(3) + join(driver);
      return new JdbcUrl(
          Dialect.POSTGRESQL, jdbc, Secrets.redact(u), user, password, null, options);
    }
    if (u.startsWith("postgresql:") || u.startsWith("postgres:")) {
      Matcher m = PG.matcher(u);
      if (!m.matches()) {
        throw bad(url, "it is not postgresql://user[:password]@host[:port]/db");
      }
      String user = decode(m.group(1));
      String password = decode(m.group(2));
      Map<String, String> driver = new LinkedHashMap<>();
      Map<String, String> options = splitQuery(url, m.group(6), driver, Dialect.POSTGRESQL);
      if (user == null || user.isEmpty()) {
        user = driver.remove("user");
      }
      if (password == null) {
        password = driver.remove("password");
      }
      String port = port(url, m.group(4));
      String jdbc =
          "jdbc:postgresql://" + m.group(3) + ":" + port + "/" + m.group(5) + join(driver);
      return new JdbcUrl(
          Dialect.POSTGRESQL, jdbc, Secrets.redact(u), user, password, null, options);
    }
    throw bad(url, "its scheme is unknown");
  }

  private static String port(String url, String port) {
    if (port == null) {
      return "5432";
    }
    int p = Integer.parseInt(port.length() > 6 ? "999999" : port);
    if (p < 1 || p > 65535) {
      throw bad(url, "port must be in 1..65535, but got " + port);
    }
    return port;
  }

  private static Map<String, String> splitQuery(
      String url, String query, Map<String, String> driver, Dialect dialect) {
    Map<String, String> options = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return options;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw bad(url, "query parameter '" + pair + "' is not name=value");
      }
      String key = decode(pair.substring(0, eq));
      String value = decode(pair.substring(eq + 1));
      if (JdbcOptions.KEYS.contains(key)) {
        options.put(key, value);
      } else if (dialect == Dialect.POSTGRESQL && DRIVER_KEYS.contains(key)) {
        driver.put(key, value);
      } else {
        throw unknownOption(url, key, dialect);
      }
    }
    return options;
  }

  private static String join(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    params.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? '?' : '&').append(k).append('=').append(v));
    return sb.toString();
  }

  private static String decode(String s) {
    return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException unknownOption(String url, String key, Dialect dialect) {
    String near = nearest(key);
    return new IllegalArgumentException(
        "storage URL '"
            + Secrets.redact(url)
            + "' has the unknown option '"
            + key
            + "'"
            + (near == null ? "" : " (did you mean '" + near + "'?)")
            + "; allowed: "
            + String.join(", ", new java.util.TreeSet<>(JdbcOptions.KEYS))
            + (dialect == Dialect.POSTGRESQL
                ? ", and the PostgreSQL JDBC driver's properties (user, password, sslmode, currentSchema, "
                    + "ApplicationName, connectTimeout, ...)"
                : " (an SQLite URL takes no other option)"));
  }

  /**
   * @return the hpo4j option closest to {@code key} when within three edits of it, or null
   */
  private static String nearest(String key) {
    String best = null;
    int bestDistance = 4;
    for (String k : new java.util.TreeSet<>(JdbcOptions.KEYS)) {
      int d = distance(k, key.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            Math.min(
                Math.min(cur[j - 1] + 1, prev[j] + 1),
                prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  private static IllegalArgumentException bad(String url, String why) {
    return new IllegalArgumentException(
        "storage URL '" + Secrets.redact(url) + "' is malformed: " + why + "; allowed: " + FORMS);
  }
}
