package org.hpo4j.grpc;

import org.hpo4j.storage.Storage;

/**
 * A storage behind an in-process {@link StorageServer} on a free loopback port, and a client of it:
 * what the contract tests run against. Closing it closes the client, the server and the backend.
 */
final class Served implements AutoCloseable {
  final Storage backend;
  final StorageServer server;
  final GrpcStorage client;

  Served(Storage backend, ServerOptions options) {
    this.backend = backend;
    this.server = StorageServer.start(backend, options.withAddress("127.0.0.1", 0));
    this.client = GrpcStorage.open(server.url());
  }

  Served(Storage backend) {
    this(backend, ServerOptions.defaults().withLog(m -> {}));
  }

  @Override
  public void close() {
    client.close();
    server.close();
    backend.close();
  }
}
