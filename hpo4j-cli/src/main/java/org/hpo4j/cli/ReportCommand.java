package org.hpo4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpo4j.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpo report}: one self-contained HTML file of a study's plots that opens offline. */
@Command(
    name = "report",
    description = "Write a self-contained HTML report of a study (opens offline).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--storage", description = "Storage URL (default " + StorageUrls.DEFAULT + ").")
  String storage;

  @Option(names = "--study", required = true, description = "Study name.")
  String study;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "report.html",
      description = "Output file (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    try (Storage st = StorageUrls.openExisting(storage)) {
      StudiesCommand.require(st, study);
      org.hpo4j.dashboard.Report.write(st, study, out);
    }
    spec.commandLine().getOut().println("wrote " + out.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
