package org.hpo4j.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The CLI's log format: one line per record, {@code LEVEL source: message}, written above the
 * progress bar. A record's stack trace is shown only with {@code HPO4J_DEBUG=1} (the trial's fail
 * reason keeps the message in the storage). The library logs through {@link System.Logger}, which
 * reaches this handler through java.util.logging.
 */
final class OneLineLog extends Handler {
  private final PrintWriter err;
  private final boolean debug;

  private OneLineLog(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** Replaces the root handlers with this one (INFO and above; FINE and above with HPO4J_DEBUG). */
  static void install(PrintWriter err) {
    boolean debug = System.getenv("HPO4J_DEBUG") != null;
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    OneLineLog h = new OneLineLog(err, debug);
    h.setLevel(debug ? Level.FINE : Level.INFO);
    root.setLevel(debug ? Level.FINE : Level.INFO);
    root.addHandler(h);
  }

  static String format(LogRecord r) {
    String source = r.getLoggerName() == null ? "" : r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1);
    String message = r.getMessage() == null ? "" : r.getMessage().replace('\n', ' ');
    return r.getLevel().getName() + " " + source + ": " + message;
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
