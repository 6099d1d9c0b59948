package org.hpo4j.storage;

import org.hpo4j.HpoException;

/** The storage could not do what was asked (unreachable, corrupt, newer schema, missing id). */
public class StorageException extends HpoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the storage or id
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the storage or id
   * @param cause the driver's failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
