package org.hpo4j.cli;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.Storages;

/**
 * Opens the storage a command names, defaulting to the embedded SQLite file {@code hpo.db}. The CLI
 * turns the retry policy on for JDBC storages (a trial of a dead worker is re-run with its
 * parameters, up to 3 times) unless the URL sets {@code max_retries} itself.
 */
final class StorageUrls {
  static final String DEFAULT = "sqlite:hpo.db";
  static final int DEFAULT_MAX_RETRIES = 3;

  private StorageUrls() {}

  static Storage open(String url) {
    return open(url, true);
  }

  private static Storage open(String url, boolean mayMigrate) {
    String u = url == null ? DEFAULT : url.trim();
    String added = withRetries(u).substring(u.length());
    try {
      if (!mayMigrate && isJdbc(u)) {
        return org.hpo4j.jdbc.JdbcStorage.openWithoutMigrating(u + added);
      }
      return FaultInjectingStorage.wrap(Storages.open(u + added));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--storage: " + hide(e.getMessage(), added));
    } catch (StorageException e) {
      throw new StorageException(
          hide(e.getMessage(), added), e); // show the URL as the user wrote it
    }
  }

  /**
   * Opens a storage for a command that only reads (studies list/show/export, report): a SQLite file
   * that does not exist is an error, not a new empty database left behind, one the user may not
   * write is opened read-only (read-only), and an SQLite or PostgreSQL database that needs
   * migrating is refused with a message saying how to migrate it, instead of being migrated.
   *
   * @throws IllegalArgumentException naming the missing file
   */
  static Storage openExisting(String url) {
    String u = url == null ? DEFAULT : url.trim();
    if (u.startsWith("sqlite:")) {
      String path = u.substring("sqlite:".length());
      int q = path.indexOf('?');
      path = q < 0 ? path : path.substring(0, q);
      if (!path.isEmpty()
          && !path.equals(":memory:")
          && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
        throw new IllegalArgumentException(
            "--storage: there is no SQLite file '"
                + path
                + "'"
                + (url == null
                    ? " (the default storage; no study was run here yet, or give --storage URL)"
                    : ""));
      }
    }
    return openReadOnlyWhereNeeded(u);
  }

  private static String hide(String message, String added) {
    return added.isEmpty() || message == null ? message : message.replace(added + "'", "'");
  }

  /** An SQLite file the user may not write is opened read-only instead of refused. */
  private static Storage openReadOnlyWhereNeeded(String u) {
    if ((u.startsWith("sqlite:") || u.startsWith("jdbc:sqlite:")) && !u.contains("read_only=")) {
      String path =
          u.substring(u.indexOf("sqlite:") + 7).replaceFirst("^//", "").replaceFirst("\\?.*$", "");
      java.nio.file.Path p = java.nio.file.Path.of(path);
      if (java.nio.file.Files.isRegularFile(p) && !ownerWritable(p)) {
        return open(u + (u.contains("?") ? "&" : "?") + "read_only=true", false);
      }
    }
    return open(u, false);
  }

  /** Honours the owner-write bit even for root, who may write anything. */
  private static boolean ownerWritable(java.nio.file.Path p) {
    try {
      return java.nio.file.Files.isWritable(p)
          && java.nio.file.Files.getPosixFilePermissions(p)
              .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return java.nio.file.Files.isWritable(p);
    }
  }

  private static boolean isJdbc(String url) {
    return url.startsWith("sqlite:") || url.startsWith("jdbc:") || url.startsWith("postgres");
  }

  static String withRetries(String url) {
    if (!isJdbc(url) || url.contains("max_retries=")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "max_retries=" + DEFAULT_MAX_RETRIES;
  }

  /**
   * @return the URL with any password masked, for logs
   */
  static String describe(String url) {
    return org.hpo4j.storage.Secrets.redact(url == null ? DEFAULT : url);
  }
}
