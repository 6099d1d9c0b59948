package org.hpo4j.cli;

import java.io.PrintWriter;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;

/** Opens the storage a command names, defaulting to the embedded SQLite file {@code hpo.db}. */
final class StorageUrls {
  static final String DEFAULT = "sqlite:hpo.db";

  private StorageUrls() {}

  static Storage open(String url, PrintWriter err) {
    if (url == null) {
      try {
        return Storages.open(DEFAULT);
      } catch (IllegalArgumentException noSqlite) {
        err.println("note: no SQLite storage on the class path; this study lives in memory only");
        return Storages.inMemory();
      }
    }
    try {
      return Storages.open(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--storage: " + e.getMessage());
    }
  }
}
