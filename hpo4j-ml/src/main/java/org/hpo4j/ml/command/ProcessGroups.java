package org.hpo4j.ml.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts each run of a command in a process group of its own, and ends the whole group, children
 * and grandchildren included, when the run is killed (timeout, pruning) or when the worker itself
 * shuts down (SIGTERM, SIGINT, {@code System.exit}): a training job must not keep its CPU or GPU
 * while its trial is retried elsewhere. A group is what survives a child that forks and exits (its
 * grandchildren are re-parented away from the worker, out of reach of {@link
 * ProcessHandle#descendants()}), and one {@code kill -- -PGID} reaches all of it.
 *
 * <p>On Linux the run is started through {@code setsid}, which execs a small supervisor shell in
 * place (a process started by the JVM is never a group leader), so the supervisor's pid is the
 * group id. The supervisor starts the command in its group and watches the pipe of its standard
 * input, which only this JVM holds open: a worker killed with SIGKILL runs no hook, but the kernel
 * closes that pipe, and the supervisor then ends the group (SIGTERM, then SIGKILL two seconds
 * later). The command itself reads its standard input from {@code /dev/null}. Without {@code
 * setsid} (macOS, Windows) the command runs in the worker's group and only its descendants are
 * ended, by the hook.
 *
 * <p>Thread-safe.
 */
final class ProcessGroups {
  private static final String SETSID = findSetsid();

  /**
   * The supervisor ({@code sh -c SUPERVISOR hpo-run COMMAND...}): runs the command, passes its exit
   * status on, and when the pipe on its standard input reaches end of file (the JVM closed it or
   * died) ends the whole group. The watcher ignores the SIGTERM it sends the group, so that it can
   * follow up with SIGKILL.
   */
  static final String SUPERVISOR =
      "exec 3<&0\n"
          + "\"$@\" </dev/null 3<&- &\n"
          + "c=$!\n"
          + "( trap '' TERM; while read -r _ <&3; do :; done; kill -TERM -$$ 2>/dev/null; sleep 2; "
          + "kill -KILL -$$ 2>/dev/null ) >/dev/null 2>&1 &\n"
          + "w=$!\n"
          + "exec 3<&- </dev/null\n"
          + "wait $c; s=$?\n"
          + "kill -KILL $w 2>/dev/null\n"
          + "exit $s\n";

  /** Runs that may still be alive, ended by the shutdown hook. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  /** How long the hook lets a group exit after SIGTERM before SIGKILL. */
  private static final long GRACE_MS = 2000;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessGroups::endAll, "hpo-command-groups"));
  }

  private ProcessGroups() {}

  private static String findSetsid() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    if (!Files.isExecutable(Path.of("/bin/sh"))) {
      return null;
    }
    for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /**
   * @return whether runs get a process group of their own here
   */
  static boolean supported() {
    return SETSID != null;
  }

  /**
   * @return argv to start so that the command runs in a new process group under its supervisor
   *     (whose pid is the group id)
   */
  static List<String> wrap(List<String> argv) {
    if (SETSID == null) {
      return argv;
    }
    List<String> out = new ArrayList<>(argv.size() + 5);
    out.add(SETSID);
    out.add("/bin/sh");
    out.add("-c");
    out.add(SUPERVISOR);
    out.add("hpo-run");
    out.addAll(argv);
    return out;
  }

  /**
   * Tracks a started run so that the worker's shutdown ends it. The pipe to its standard input
   * stays open until {@link #finished} (the supervisor's lifeline); without a supervisor it is
   * closed at once, so that the command reads end of file.
   */
  static void started(Process p) {
    LIVE.add(p);
    if (SETSID == null) {
      closeStdin(p);
    }
  }

  /**
   * Forgets a run that ended (its group id may be reused once the group is empty, so it is not
   * signalled).
   */
  static void finished(Process p) {
    LIVE.remove(p);
    closeStdin(p);
  }

  private static void closeStdin(Process p) {
    try {
      p.getOutputStream().close();
    } catch (java.io.IOException e) {
      // the pipe is gone already: so is the supervisor
    }
  }

  /** Ends a run at once with its whole group. */
  static void kill(Process p) {
    signal(p, "KILL");
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    LIVE.remove(p);
  }

  /** The shutdown hook: SIGTERM to every live group, SIGKILL to what is left after the grace. */
  static void endAll() {
    List<Process> live = new ArrayList<>(LIVE);
    if (live.isEmpty()) {
      return;
    }
    for (Process p : live) {
      signal(p, "TERM");
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
    for (Process p : live) {
      try {
        p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Process p : live) {
      kill(p);
    }
  }

  /** Sends {@code signal} to the group the run leads; a group already gone is not an error. */
  private static void signal(Process p, String signal) {
    if (SETSID == null) {
      return;
    }
    try {
      Process k =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + p.pid())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      k.waitFor(5, TimeUnit.SECONDS);
    } catch (java.io.IOException e) {
      // no kill(1): the descendants are still ended one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
