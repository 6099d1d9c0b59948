package org.hpo4j.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Timestamps as Optuna's schema keeps them: naive UTC, as {@code TIMESTAMP WITHOUT TIME ZONE} on
 * PostgreSQL and as text {@code YYYY-MM-DD HH:MM:SS.ffffff} on SQLite (what SQLAlchemy writes and
 * parses; text in one format also compares in time order, which the stale-trial sweep relies on).
 *
 * <p>Stateless and thread-safe.
 */
final class Times {
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /** Fractions of any length, or none (SQLite's CURRENT_TIMESTAMP writes none), 'T' or ' '. */
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private Times() {}

  /**
   * @return the SQLite text of an instant
   */
  static String text(Instant t) {
    return WRITE.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  /** Binds an instant (or SQL NULL) the way the dialect stores it. */
  static void bind(PreparedStatement ps, int index, Dialect dialect, Instant t)
      throws SQLException {
    if (t == null) {
      ps.setNull(index, dialect == Dialect.SQLITE ? Types.VARCHAR : Types.TIMESTAMP);
    } else if (dialect == Dialect.SQLITE) {
      ps.setString(index, text(t));
    } else {
      ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }

  /** Binds epoch milliseconds. */
  static void bind(PreparedStatement ps, int index, Dialect dialect, long epochMillis)
      throws SQLException {
    bind(ps, index, dialect, Instant.ofEpochMilli(epochMillis));
  }

  /**
   * @return the instant in a column, or null
   */
  static Instant read(ResultSet rs, int col, Dialect dialect) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      String s = rs.getString(col);
      return s == null ? null : parse(s);
    }
    LocalDateTime t = rs.getObject(col, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /**
   * @return the instant of SQLite text as SQLAlchemy or CURRENT_TIMESTAMP wrote it
   */
  static Instant parse(String s) {
    return LocalDateTime.parse(s.trim(), READ).toInstant(ZoneOffset.UTC);
  }
}
