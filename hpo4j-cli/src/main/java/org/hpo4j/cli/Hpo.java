package org.hpo4j.cli;

import java.io.PrintWriter;
import org.hpo4j.HpoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hpo} command: runs studies, workers and benchmarks, and shows results. Bad input ends
 * with one message naming the field and what is allowed (exit code 2), never a stack trace; set
 * {@code HPO4J_DEBUG=1} to see the trace.
 */
@Command(
    name = "hpo",
    mixinStandardHelpOptions = true,
    versionProvider = Hpo.VersionProvider.class,
    description = "Hyperparameter optimization for the JVM.",
    subcommands = {
      RunCommand.class,
      WorkerCommand.class,
      StudiesCommand.class,
      ReportCommand.class,
      DashboardCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      HelpCommand.class
    })
public final class Hpo {

  /** Entry point of the launcher. */
  public static void main(String[] args) {
    OneLineLog.install(new PrintWriter(System.err, true));
    System.exit(commandLine().execute(args));
  }

  /**
   * @return the configured command line, for tests and for embedding
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Hpo());
    addHelpOptions(cl);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          if (System.getenv("HPO4J_DEBUG") != null) {
            e.printStackTrace(err);
          }
          if (e instanceof NoCompleteTrialException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
          }
          if (e instanceof IllegalArgumentException
              || e instanceof IllegalStateException
              || e instanceof HpoException
              || e instanceof java.io.IOException
              || e instanceof java.io.UncheckedIOException) {
            err.println("error: " + org.hpo4j.storage.Secrets.redact(e.getMessage()));
            err.flush();
            return 2;
          }
          err.println("error: " + org.hpo4j.storage.Secrets.redact(String.valueOf(e)));
          err.flush();
          return 1;
        });
    return cl;
  }

  /** Gives every subcommand, at any depth, {@code -h/--help} (and {@code -V/--version}). */
  private static void addHelpOptions(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().mixinStandardHelpOptions() && !sub.getCommandSpec().helpCommand()) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
      addHelpOptions(sub);
    }
  }

  /** Reads the version from the jar manifest. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Hpo.class.getPackage().getImplementationVersion();
      return new String[] {"hpo4j " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
