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
 * while its trial is retried elsewhere. A group is what survives a child that forks and exits
 * (its grandchildren are re-parented away from the worker, out of reach of
 * {@link ProcessHandle#descendants()}), and one {@code kill -- -PGID} reaches all of it.
 *
 * <p>On Linux the run is started through {@code setsid}, which execs the command in place (a
 * process started by the JVM is never a group leader), so the command's pid is its group id.
 * Without {@code setsid} (macOS, Windows) the command runs in the worker's group and only its
 * descendants are ended. A worker killed with SIGKILL runs no hook; its groups then live on.
 *
 * <p>Thread-safe.
 */
final class ProcessGroups {
  private static final String SETSID = findSetsid();
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
    for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /** @return whether runs get a process group of their own here */
  static boolean supported() {
    return SETSID != null;
  }

  /** @return argv to start so that the command leads a new process group (its pid is the group id) */
  static List<String> wrap(List<String> argv) {
    if (SETSID == null) {
      return argv;
    }
    List<String> out = new ArrayList<>(argv.size() + 1);
    out.add(SETSID);
    out.addAll(argv);
    return out;
  }

  /** Tracks a started run so that the worker's shutdown ends it. */
  static void started(Process p) {
    LIVE.add(p);
  }

  /** Forgets a run that ended (its group id may be reused once the group is empty, so it is not signalled). */
  static void finished(Process p) {
    LIVE.remove(p);
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
      Process k = new ProcessBuilder("kill", "-" + signal, "--", "-" + p.pid())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      k.waitFor(5, TimeUnit.SECONDS);
    } catch (java.io.IOException e) {
      // no kill(1): the descendants are still ended one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
