package org.hpo4j.storage;

/**
 * Opens storages from URLs; found with {@link java.util.ServiceLoader}, so that a user who puts
 * hpo4j-jdbc on the class path gets {@code sqlite:} and {@code postgresql://} without core knowing
 * about JDBC.
 */
public interface StorageProvider {

  /**
   * @return the URL prefixes this provider accepts, for error messages (e.g. "sqlite:PATH")
   */
  java.util.List<String> schemes();

  /**
   * @return whether this provider opens {@code url}
   */
  boolean accepts(String url);

  /**
   * @throws IllegalArgumentException when the URL is malformed, naming what is allowed
   * @throws StorageException when the storage cannot be reached
   */
  Storage open(String url);
}
