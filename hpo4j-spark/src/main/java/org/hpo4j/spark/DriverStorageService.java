package org.hpo4j.spark;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.hpo4j.grpc.ServerOptions;
import org.hpo4j.grpc.StorageServer;
import org.hpo4j.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default way executors reach a study: the driver serves the study's own storage (in memory,
 * SQLite, anything) over hpo4j-grpc's storage service, and executors open {@code
 * grpc://driver:port}. One server per storage object for the driver's lifetime, so that executors
 * keep their connection across runs. The address is {@code spark.driver.host}; the port {@code
 * spark.hpo4j.storage.port} (default 0: any free one). Thread-safe.
 */
final class DriverStorageService {
  private static final Logger LOG = LoggerFactory.getLogger(DriverStorageService.class);
  private static final Map<Storage, StorageServer> SERVERS = new IdentityHashMap<>();

  private DriverStorageService() {}

  /**
   * @return a link executors use to reach {@code storage} through a server on the driver
   */
  static synchronized StorageLink serve(Storage storage, SparkConf conf) {
    StorageServer server = SERVERS.get(storage);
    if (server == null) {
      String host = conf.get("spark.driver.host", "127.0.0.1");
      String bind = conf.get("spark.driver.bindAddress", host);
      int port = conf.getInt("spark.hpo4j.storage.port", 0);
      server = StorageServer.start(storage, ServerOptions.defaults().withAddress(bind, port));
      SERVERS.put(storage, server);
      StorageServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "hpo4j-storage-service-stop"));
      LOG.info(
          "hpo4j-spark: serving the driver's storage to executors at grpc://"
              + host
              + ":"
              + server.port());
      return StorageLink.url("grpc://" + host + ":" + server.port());
    }
    return StorageLink.url(
        "grpc://" + conf.get("spark.driver.host", "127.0.0.1") + ":" + server.port());
  }
}
