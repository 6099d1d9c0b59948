package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command answers -h and --help with its usage, and {@code hpo help PATH} reaches any depth.
 */
class HelpTest {

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().helpCommand()) {
        continue;
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }

  @Test
  void everySubcommand_dashHAndDashDashHelp_printUsageAndExit0() {
    List<List<String>> paths = new ArrayList<>();
    collect(Hpo.commandLine(), List.of(), paths);
    assertTrue(paths.size() >= 10, "found " + paths);
    for (List<String> path : paths) {
      for (String flag : List.of("-h", "--help")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), args + ": " + r.err());
        assertTrue(
            r.out().startsWith("Usage: hpo " + String.join(" ", path)), args + ": " + r.out());
      }
    }
  }

  @Test
  void help_nestedPath_printsTheNestedCommandsUsage() {
    CliRun r = CliRun.of("help", "studies", "export");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: hpo studies export"), r.out());
  }

  @Test
  void help_unknownCommand_namesItAndListsTheKnownOnes() {
    CliRun r = CliRun.of("help", "studies", "nope");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("no command 'studies nope'") && r.err().contains("export"), r.err());
  }
}
