package org.hpo4j.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * Checks on the driver that what a task ships can be shipped, with one message naming the culprit.
 */
final class Serializability {
  private Serializability() {}

  /**
   * @throws IllegalArgumentException naming {@code what} and the first class that is not
   *     serializable
   */
  static void require(Object value, String what) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          what
              + " must be serializable to run on Spark executors, but it holds "
              + "an instance of "
              + e.getMessage()
              + ", which is not java.io.Serializable (make the field transient "
              + "and build it on first use, or capture only serializable values)");
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " cannot be serialized for Spark executors: " + e);
    }
  }
}
