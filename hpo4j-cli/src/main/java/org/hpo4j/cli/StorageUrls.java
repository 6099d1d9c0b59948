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
    String u = url == null ? DEFAULT : url.trim();
    String added = withRetries(u).substring(u.length());
    try {
      return Storages.open(u + added);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--storage: " + hide(e.getMessage(), added));
    } catch (StorageException e) {
      throw new StorageException(hide(e.getMessage(), added), e); // show the URL as the user wrote it
    }
  }

  /**
   * Opens a storage for a command that only reads (studies list/show/export, report): a SQLite
   * file that does not exist is an error, not a new empty database left behind.
   *
   * @throws IllegalArgumentException naming the missing file
   */
  static Storage openExisting(String url) {
    String u = url == null ? DEFAULT : url.trim();
    if (u.startsWith("sqlite:")) {
      String path = u.substring("sqlite:".length());
      int q = path.indexOf('?');
      path = q < 0 ? path : path.substring(0, q);
      if (!path.isEmpty() && !path.equals(":memory:") && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
        throw new IllegalArgumentException("--storage: there is no SQLite file '" + path + "'"
            + (url == null ? " (the default storage; no study was run here yet, or give --storage URL)" : ""));
      }
    }
    return open(url);
  }

  private static String hide(String message, String added) {
    return added.isEmpty() || message == null ? message : message.replace(added + "'", "'");
  }

  static String withRetries(String url) {
    boolean jdbc = url.startsWith("sqlite:") || url.startsWith("jdbc:") || url.startsWith("postgres");
    if (!jdbc || url.contains("max_retries=")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "max_retries=" + DEFAULT_MAX_RETRIES;
  }

  /** @return the URL with any password masked, for logs */
  static String describe(String url) {
    String u = url == null ? DEFAULT : url;
    return u.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@");
  }
}
