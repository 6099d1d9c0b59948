package org.hpo4j.storage;

/**
 * A storage failure that may go away by itself: the server is restarting or unreachable, the pool
 * has no free connection, the file is locked or the disk is full. The same call may succeed later,
 * so the study loop retries it (see {@link StorageFaults#isTransient}) instead of giving up a
 * finished result. A call that failed this way may or may not have taken effect.
 */
public class TransientStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the storage or id
   */
  public TransientStorageException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the storage or id
   * @param cause the driver's failure
   */
  public TransientStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
