package org.hpo4j.grpc;

import java.util.List;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageProvider;

/**
 * Registers {@code grpc://host:port} URLs with {@code Storages.open} through {@code
 * META-INF/services/org.hpo4j.storage.StorageProvider}. Stateless and thread-safe.
 */
public final class GrpcStorageProvider implements StorageProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public GrpcStorageProvider() {}

  @Override
  public List<String> schemes() {
    return List.of("grpc://host:port (an 'hpo serve' or Optuna gRPC storage server)");
  }

  @Override
  public boolean accepts(String url) {
    return GrpcUrl.accepts(url);
  }

  @Override
  public Storage open(String url) {
    return GrpcStorage.open(url);
  }
}
