package org.hpo4j.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hpo4j.dashboard.Dashboard;
import org.hpo4j.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpo dashboard}: a read-only live view of the studies of a storage, refreshing as trials
 * finish. Binds to 127.0.0.1 unless {@code --host} says otherwise.
 */
@Command(
    name = "dashboard",
    description =
        "Serve a live dashboard of a storage's studies (read-only unless --allow-writes).")
final class DashboardCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--storage", description = "Storage URL (default " + StorageUrls.DEFAULT + ").")
  String storage;

  @Option(
      names = "--host",
      defaultValue = Dashboard.DEFAULT_HOST,
      description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port, 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--allow-writes",
      description =
          "Let the page save notes on studies and trials "
              + "(stored as optuna-dashboard stores them); read-only without it.")
  boolean allowWrites;

  @Override
  public Integer call() throws InterruptedException {
    Storage st = StorageUrls.openExisting(storage);
    Dashboard d =
        Dashboard.start(st, host, port, org.hpo4j.dashboard.GpSliceViews.logEi(0), allowWrites);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  d.close();
                  st.close();
                  done.countDown();
                }));
    spec.commandLine().getErr().println("dashboard at " + d.uri() + " (Ctrl-C to stop)");
    spec.commandLine().getErr().flush();
    done.await();
    return 0;
  }
}
