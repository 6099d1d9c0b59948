package org.hpo4j.spark;

import java.io.Serializable;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;

/**
 * How an executor reaches the study's storage: shipped with every task and opened once per executor
 * JVM (see {@link TrialTask}). Implementations are serializable and small.
 */
public interface StorageLink extends Serializable {

  /**
   * @return the storage, opened in the calling (executor) JVM
   */
  Storage open();

  /**
   * @return where it points, for messages (never a password)
   */
  String describe();

  /**
   * A storage every executor reaches by URL: {@code postgresql://...}, a {@code sqlite:} file on a
   * file system every executor sees, or (with hpo4j-grpc) {@code grpc://host:port}.
   */
  static StorageLink url(String url) {
    org.hpo4j.Checks.requireNonNull(url, "storage");
    return new UrlLink(url);
  }

  /** A URL storage link. */
  record UrlLink(String url) implements StorageLink {
    @Override
    public Storage open() {
      return Storages.open(url);
    }

    @Override
    public String describe() {
      return url.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
  }
}
