package org.hpo4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import sun.misc.Signal;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a running {@code hpo run} or {@code hpo worker}: the
 * trials this process is running are marked FAIL at once (with the fail reason {@code interrupted
 * by SIGINT}), not left RUNNING until another worker's grace period; the processes this JVM started
 * (a command objective's program and its children) are ended; the command says so and exits with
 * 130 (SIGINT) or 143 (SIGTERM), as shells expect. Ending a command objective's whole process group
 * is the command objective's own job; this is the last line for whatever it left.
 */
final class Interrupts {
  private final Study study;
  private final PrintWriter err;
  private final Set<Integer> running = ConcurrentHashMap.newKeySet();

  private Interrupts(Study study, PrintWriter err) {
    this.study = study;
    this.err = err;
  }

  /**
   * Installs the handlers for {@code study}; the returned object tracks the trials of this process.
   */
  static Interrupts install(Study study, PrintWriter err) {
    Interrupts i = new Interrupts(study, err);
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), s -> i.onSignal(s.getName(), 128 + s.getNumber()));
      } catch (IllegalArgumentException e) {
        // the signal is not available here (or the JVM reserves it): keep the default behaviour
      }
    }
    return i;
  }

  void started(int trialNumber) {
    running.add(trialNumber);
  }

  /**
   * Called when a trial's objective returns or throws: once a signal arrived, the thread waits here
   * for the exit, so that its trial (already marked FAIL) is not finished a second time with the
   * error of its killed program.
   */
  void finished(int trialNumber) {
    while (signalled) {
      java.util.concurrent.locks.LockSupport.park(this);
    }
    running.remove(trialNumber);
  }

  private volatile boolean signalled;

  private void onSignal(String name, int exitCode) {
    signalled = true;
    study.stop();
    List<Integer> marked = new ArrayList<>();
    try {
      for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
        if (running.contains(t.number())) {
          study.storage().setSystemAttr(t.id(), "fail_reason", "interrupted by SIG" + name);
          if (study.storage().finishTrial(t.id(), TrialState.FAIL, List.of())) {
            marked.add(t.number());
          }
        }
      }
    } catch (RuntimeException e) {
      err.println("could not mark the running trials FAIL: " + e.getMessage());
    }
    int ended = endChildren();
    err.printf(
        "%ninterrupted by SIG%s: %s, %s; exiting with %d%n",
        name,
        marked.isEmpty() ? "no trial was running" : "trial(s) " + marked + " marked FAIL",
        ended == 0 ? "no child process" : ended + " child process(es) ended",
        exitCode);
    err.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /** Asks every descendant to end, then kills those still alive after two seconds. */
  private static int endChildren() {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    org.hpo4j.ml.command.CommandObjective
        .endAllRuns(); // whole groups: grandchildren re-parented away too
    children.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
    for (ProcessHandle p : children) {
      try {
        p.onExit()
            .get(
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    return children.size();
  }
}
