package org.hpo4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpo help [COMMAND [SUBCOMMAND...]]}: the usage of the command at that path, however deep
 * ({@code hpo help studies export}); picocli's own help command stops at the first level.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the usage of a command, e.g. hpo help studies export.")
final class HelpCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "COMMAND",
      description = "The command path, e.g. studies export.")
  List<String> path = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine target = spec.parent().commandLine();
    List<String> walked = new ArrayList<>();
    for (String name : path) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new IllegalArgumentException(
            "no command '"
                + String.join(" ", walked)
                + (walked.isEmpty() ? "" : " ")
                + name
                + "'; commands of '"
                + target.getCommandName()
                + "': "
                + String.join(", ", target.getSubcommands().keySet()));
      }
      walked.add(name);
      target = next;
    }
    target.usage(spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
