package org.hpo4j.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Static factories of the storages that live in core. JDBC storages live in hpo4j-jdbc. */
public final class Storages {
  private Storages() {}

  /**
   * @return a new, empty, thread-safe storage in the heap
   */
  public static Storage inMemory() {
    return new InMemoryStorage(Clock.systemUTC());
  }

  /**
   * @return a new in-memory storage whose timestamps come from {@code clock} (for tests)
   */
  public static Storage inMemory(Clock clock) {
    return new InMemoryStorage(clock);
  }

  /**
   * Opens a storage from a URL: {@code memory} (or {@code inmemory:}) here, others through the
   * {@link StorageProvider}s on the class path.
   *
   * @throws IllegalArgumentException when no provider accepts the URL, listing the accepted forms
   */
  public static Storage open(String url) {
    org.hpo4j.Checks.requireNonNull(url, "storage");
    String u = url.trim();
    if (u.equals("memory") || u.startsWith("inmemory:") || u.equals("inmemory")) {
      return inMemory();
    }
    List<String> known = new ArrayList<>(List.of("memory"));
    for (StorageProvider p : ServiceLoader.load(StorageProvider.class)) {
      if (p.accepts(u)) {
        return p.open(u);
      }
      known.addAll(p.schemes());
    }
    throw new IllegalArgumentException(
        "storage URL '" + url + "' is not supported; allowed: " + String.join(", ", known));
  }
}
