package org.hpo4j.jdbc;

import java.util.List;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageProvider;

/**
 * Registers {@code journal:PATH} (Optuna's journal file format) with {@code Storages.open}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalStorageProvider implements StorageProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public JournalStorageProvider() {}

  @Override
  public List<String> schemes() {
    return List.of("journal:PATH");
  }

  @Override
  public boolean accepts(String url) {
    return url.trim().startsWith("journal:");
  }

  @Override
  public Storage open(String url) {
    return JournalStorage.open(url.trim());
  }
}
