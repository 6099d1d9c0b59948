package org.hpo4j.jdbc;

import java.util.List;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageProvider;

/**
 * Registers {@code sqlite:} and {@code postgresql://} URLs with {@code Storages.open} through
 * {@code META-INF/services/org.hpo4j.storage.StorageProvider}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JdbcStorageProvider implements StorageProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public JdbcStorageProvider() {}

  @Override
  public List<String> schemes() {
    return List.of(
        "sqlite:PATH",
        "postgresql://user[:password]@host[:port]/db",
        "jdbc:sqlite:PATH",
        "jdbc:postgresql://host[:port]/db");
  }

  @Override
  public boolean accepts(String url) {
    return JdbcUrl.accepts(url);
  }

  @Override
  public Storage open(String url) {
    return JdbcStorage.open(url);
  }
}
