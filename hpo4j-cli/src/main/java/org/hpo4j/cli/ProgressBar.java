package org.hpo4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpo4j.study.Callback;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Shows trials done, the best value and the time left. On a terminal it redraws one line; in a log
 * (CI, a pipe) it prints a line at every tenth of the run so the log stays short.
 *
 * <p>On a terminal, log lines must not land in the middle of the bar: {@link #printAbove} clears
 * the bar's line, prints the log line and redraws the bar below it; the CLI's log handler ({@link
 * OneLineLog}) writes through it while a bar is shown.
 *
 * <p>Thread-safe: trials finish on several threads.
 */
final class ProgressBar implements Callback {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final int total;
  private final int alreadyDone;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private Double best;
  private int lastPrintedTenth = -1;
  private String shown;
  private static volatile ProgressBar active;

  ProgressBar(PrintWriter out, int total, int alreadyDone, boolean terminal, Double bestSoFar) {
    this.best = bestSoFar;
    this.out = out;
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.terminal = terminal;
    if (terminal) {
      active = this;
    }
  }

  /**
   * Prints {@code line} on a line of its own: above the bar when a terminal bar is shown, else as
   * is to {@code fallback}.
   */
  static void printAbove(PrintWriter fallback, String line) {
    ProgressBar bar = active;
    if (bar == null) {
      fallback.println(line);
      fallback.flush();
      return;
    }
    bar.above(line);
  }

  synchronized void above(String line) {
    if (shown != null) {
      out.print("\r\033[K");
    }
    out.println(line);
    if (shown != null) {
      out.print(shown);
    }
    out.flush();
  }

  /**
   * Ends the bar's line, if it is left unfinished (a study stopped early), and detaches it from the
   * log.
   */
  synchronized void finish() {
    if (terminal && shown != null) {
      out.println();
      out.flush();
    }
    shown = null;
    if (active == this) {
      active = null;
    }
  }

  @Override
  public synchronized void onTrialFinished(Study study, FrozenTrial trial) {
    int d = done.incrementAndGet();
    if (trial.state() == TrialState.COMPLETE && !study.isMultiObjective()) {
      double v = trial.value();
      if (best == null || study.direction().better(v, best)) {
        best = v;
      }
    }
    int tenth = total == 0 ? 10 : d * 10 / total;
    if (!terminal && tenth == lastPrintedTenth && d != total) {
      return;
    }
    lastPrintedTenth = tenth;
    String text = line(d);
    out.print((terminal ? "\r" : "") + text);
    if (!terminal || d == total) {
      out.println();
      shown = null;
    } else {
      shown = text;
    }
    out.flush();
  }

  String line(int d) {
    int filled = total == 0 ? WIDTH : Math.min(WIDTH, d * WIDTH / total);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double eta = d == 0 ? 0 : elapsed / d * (total - d);
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d trials  best %s  elapsed %s  ETA %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        d + alreadyDone,
        total + alreadyDone,
        best == null ? "-" : String.format(Locale.ROOT, "%.6g", best),
        clock(elapsed),
        clock(eta));
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
