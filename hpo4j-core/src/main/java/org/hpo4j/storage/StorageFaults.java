package org.hpo4j.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a storage failure that may heal by itself (retry it) from one that will not (report it).
 * Decided here from the cause chain, so that every storage gets the same answer without having to
 * classify its driver's exceptions: a {@link TransientStorageException}, a JDBC transient or
 * recoverable exception, an I/O failure, or an SQL state or SQLite code that means "unreachable,
 * shutting down, busy or out of space" (or a transaction SQLite rolled back by itself after a full
 * disk, which a fresh connection does not have).
 */
public final class StorageFaults {
  /**
   * SQL states of PostgreSQL that a later attempt may not see: lost connections (class 08),
   * serialization failures and deadlocks, out of connections, disk full or I/O error, and the
   * server shutting down, crashing or starting up.
   */
  private static final Set<String> STATES =
      Set.of(
          "40001", "40P01", "53000", "53100", "53200", "53300", "57P01", "57P02", "57P03", "57P05",
          "58030");

  /** SQLite result codes (primary, low byte): BUSY, LOCKED, IOERR, FULL, PROTOCOL. */
  private static final Set<Integer> SQLITE_CODES = Set.of(5, 6, 10, 13, 15);

  private static final String[] SQLITE_NAMES = {
    "[SQLITE_BUSY",
    "[SQLITE_LOCKED",
    "[SQLITE_IOERR",
    "[SQLITE_FULL",
    "[SQLITE_PROTOCOL",
    "no transaction is active"
  };

  private StorageFaults() {}

  /**
   * @return whether a later attempt of the call that threw {@code t} may succeed
   */
  public static boolean isTransient(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TransientStorageException
          || c instanceof SQLTransientException
          || c instanceof SQLRecoverableException
          || c instanceof IOException) {
        return true;
      }
      if (c instanceof SQLException s && isTransient(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransient(SQLException s) {
    String state = s.getSQLState();
    if (state != null && (state.startsWith("08") || STATES.contains(state))) {
      return true;
    }
    if (s.getClass().getName().startsWith("org.sqlite.")) {
      if (SQLITE_CODES.contains(s.getErrorCode() & 0xff)) {
        return true;
      }
    }
    String m = s.getMessage();
    if (m != null) {
      for (String name : SQLITE_NAMES) {
        if (m.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
