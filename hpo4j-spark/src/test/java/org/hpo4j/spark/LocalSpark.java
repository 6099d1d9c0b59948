package org.hpo4j.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test class of this module (starting one costs seconds). */
public final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("hpo4j-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.task.maxFailures", "3")
              .getOrCreate();
    }
    return session;
  }

  /** Stops the local session, for a test that needs a SparkContext of its own (one per JVM). */
  static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }
}
