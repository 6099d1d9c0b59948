package org.hpo4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process {@code hpo} invocation as the tests see it: its exit code and what it printed, so
 * that each test asserts on messages without spawning a JVM.
 */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    CommandLine cl = Hpo.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun of(List<String> args) {
    return of(args.toArray(new String[0]));
  }
}
