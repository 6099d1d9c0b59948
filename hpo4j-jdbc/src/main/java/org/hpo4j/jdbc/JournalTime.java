package org.hpo4j.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times in a journal as Optuna writes them ({@code datetime.isoformat()} of an aware UTC time:
 * {@code 2026-01-01T12:00:00.123456+00:00}). A trial writes two and a replay reads them all, so the
 * common form is written and read digit by digit (java.time's formatters cost microseconds each);
 * any other ISO-8601 form (naive, another offset, no fraction) goes through java.time.
 *
 * <p>Stateless and thread-safe.
 */
final class JournalTime {
  private static final int LENGTH = "2026-01-01T12:00:00.123456+00:00".length();

  private JournalTime() {}

  /**
   * @return the instant, to the microsecond, in the form Optuna writes
   */
  static String format(Instant t) {
    long seconds = t.getEpochSecond();
    long day = Math.floorDiv(seconds, 86_400);
    int secOfDay = (int) Math.floorMod(seconds, 86_400);
    LocalDate d = LocalDate.ofEpochDay(day);
    int year = d.getYear();
    if (year < 1000 || year > 9999) {
      return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
          .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
    }
    char[] c = new char[LENGTH];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, d.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, d.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, secOfDay / 3600, 2);
    c[13] = ':';
    digits(c, 14, secOfDay / 60 % 60, 2);
    c[16] = ':';
    digits(c, 17, secOfDay % 60, 2);
    c[19] = '.';
    digits(c, 20, t.getNano() / 1000, 6);
    "+00:00".getChars(0, 6, c, 26);
    return new String(c);
  }

  /**
   * @return the instant of an ISO-8601 text; naive times are UTC
   */
  static Instant parse(String s) {
    if (s.length() == LENGTH
        && s.endsWith("+00:00")
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(19) == '.') {
      int year = number(s, 0, 4);
      int month = number(s, 5, 2);
      int day = number(s, 8, 2);
      int hour = number(s, 11, 2);
      int minute = number(s, 14, 2);
      int second = number(s, 17, 2);
      int micros = number(s, 20, 6);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= 31
          && hour >= 0
          && hour < 24
          && minute >= 0
          && minute < 60
          && second >= 0
          && second < 60
          && micros >= 0) {
        try {
          long epochDay = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(
              epochDay * 86_400 + hour * 3600L + minute * 60L + second, micros * 1000L);
        } catch (java.time.DateTimeException e) {
          // not a real date (Feb 30): java.time below names the problem
        }
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * @return the non-negative number of {@code width} digits at {@code at}, or -1
   */
  private static int number(String s, int at, int width) {
    int v = 0;
    for (int i = at; i < at + width; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
