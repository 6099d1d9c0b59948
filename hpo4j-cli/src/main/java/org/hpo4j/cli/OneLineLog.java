package org.hpo4j.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The CLI's log format: one line per record, {@code HH:mm:ss LEVEL message}, written above the
 * progress bar. The library logs through SLF4J; the CLI binds SLF4J to java.util.logging
 * (slf4j-jdk14), whose root handler this is, so that every line, the library's and the drivers',
 * goes through the one place that knows where the bar is.
 *
 * <p>hpo4j's own records from INFO up; other libraries' (the connection pool, Flyway, gRPC) only
 * from WARNING up, since their start-up chatter is not the user's business. With {@code
 * HPO4J_DEBUG=1}, hpo4j's DEBUG records too, with their stack traces: among them a failed
 * objective's (its trace is also stored with the trial as the {@code fail_stack_trace} attribute).
 */
final class OneLineLog extends Handler {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private final PrintWriter err;
  private final boolean debug;

  OneLineLog(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
    setLevel(debug ? Level.FINE : Level.INFO);
  }

  /** Replaces the root handlers with this one (see the class comment for the levels). */
  static void install(PrintWriter err) {
    boolean debug = System.getenv("HPO4J_DEBUG") != null;
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(debug ? Level.FINE : Level.INFO);
    root.addHandler(new OneLineLog(err, debug));
  }

  /**
   * @return the record as one line: time, level (as SLF4J names it), message
   */
  static String format(LogRecord r) {
    String message = r.getMessage() == null ? "" : r.getMessage().replace('\n', ' ');
    return TIME.format(Instant.ofEpochMilli(r.getMillis()))
        + " "
        + level(r.getLevel())
        + " "
        + message;
  }

  private static String level(Level l) {
    int v = l.intValue();
    return v >= Level.SEVERE.intValue()
        ? "ERROR"
        : v >= Level.WARNING.intValue()
            ? "WARN"
            : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }

  @Override
  public boolean isLoggable(LogRecord r) {
    if (!super.isLoggable(r)) {
      return false;
    }
    boolean ours = r.getLoggerName() != null && r.getLoggerName().startsWith("org.hpo4j");
    return ours || r.getLevel().intValue() >= Level.WARNING.intValue();
  }

  @Override
  public void publish(LogRecord r) {
    if (!isLoggable(r)) {
      return;
    }
    ProgressBar.printAbove(err, format(r));
    if (debug && r.getThrown() != null) {
      synchronized (err) {
        r.getThrown().printStackTrace(err);
        err.flush();
      }
    }
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
