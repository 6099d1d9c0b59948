package org.hpo4j.jdbc;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.hpo4j.storage.StorageException;

/**
 * Turns a driver's failure into one sentence naming the storage URL, so that a user sees "wrong
 * password for storage X" instead of a stack trace from the driver. The driver's exception is kept
 * as the cause for debugging.
 */
final class Errors {
  private Errors() {}

  /**
   * @return a StorageException for a failure to open the storage at {@code display}
   */
  static StorageException opening(String display, Throwable t) {
    return new StorageException("cannot open storage '" + display + "': " + reason(t), t);
  }

  /**
   * @return a StorageException for a failure while {@code doing} on the storage at {@code display}
   */
  static StorageException using(String display, String doing, Throwable t) {
    return new StorageException(
        "storage '" + display + "' failed while " + doing + ": " + reason(t), t);
  }

  /**
   * @return the most telling short reason found in the cause chain
   */
  static String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
          return "authentication failed ("
              + firstLine(s.getMessage())
              + "); check the user and password";
        }
        if (state.equals("3D000")) {
          return "the database does not exist (" + firstLine(s.getMessage()) + "); create it first";
        }
        if (state.startsWith("08")) {
          return "the server cannot be reached (" + firstLine(s.getMessage()) + ")";
        }
      }
      if (c instanceof ConnectException || c instanceof UnknownHostException) {
        return "the server cannot be reached (" + c.getMessage() + ")";
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s) {
        String m = s.getMessage() == null ? "" : s.getMessage();
        if (m.contains("SQLITE_READONLY")) {
          return "the database file is read-only";
        }
        if (m.contains("SQLITE_NOTADB")) {
          return "the file is not an SQLite database";
        }
        if (m.contains("SQLITE_CANTOPEN")) {
          return "the file cannot be opened or created (does its directory exist and is it writable?)";
        }
        return firstLine(m);
      }
    }
    return t.getMessage() == null ? t.toString() : firstLine(t.getMessage());
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }
}
