package org.hpo4j.ml.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repro 4: a command's children and grandchildren end with their worker. */
class ProcessGroupsTest {
  /** A child, a child with its own child, and a grandchild orphaned by its exited parent. */
  private static final String SCRIPT =
      "sleep 300 & echo $! >> \"$0.pids\"\n"
          + "sh -c 'sleep 300 & echo $! >> \"$0.pids\"; wait' \"$0\" & echo $! >> \"$0.pids\"\n"
          + "( sleep 300 & echo $! >> \"$0.pids\" )\n"
          + "echo $$ >> \"$0.pids\"; touch \"$0.ready\"; wait\n";

  @TempDir Path dir;

  @Test
  void workerTerminated_noChildOrGrandchildLeft() throws Exception {
    endWorker(false);
  }

  /**
   * SIGKILL runs no shutdown hook: the supervisor sees the pipe from the dead JVM close and ends
   * the group (SIGTERM, SIGKILL two seconds later).
   */
  @Test
  void workerKilled_groupEndsWithinADeadline() throws Exception {
    endWorker(true);
  }

  private void endWorker(boolean sigkill) throws Exception {
    assumeTrue(ProcessGroups.supported(), "process groups need Linux and setsid");
    Path base = dir.resolve("run");
    Files.writeString(base, SCRIPT);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process worker =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                cp,
                CommandRunMain.class.getName(),
                "exec sh " + base)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("worker.log").toFile())
            .start();
    List<Long> pids = new ArrayList<>();
    try {
      Path ready = Path.of(base + ".ready");
      Path pidFile = Path.of(base + ".pids");
      for (int i = 0;
          i < 600 && !(Files.exists(ready) && Files.readAllLines(pidFile).size() == 5);
          i++) {
        assertTrue(worker.isAlive(), () -> "the worker died: " + log());
        TimeUnit.MILLISECONDS.sleep(50); // waiting for another process's file: no clock to inject
      }
      assertTrue(Files.exists(ready), "the command never started: " + log());
      for (String line : Files.readAllLines(Path.of(base + ".pids"))) {
        pids.add(Long.parseLong(line.trim()));
      }
      assertEquals(5, pids.size());
      assertTrue(pids.stream().allMatch(ProcessGroupsTest::alive));
      // the supervisor: the worker's one child, leading the group
      List<ProcessHandle> children = worker.toHandle().children().toList();
      assertEquals(1, children.size(), children::toString);
      pids.add(children.get(0).pid());
      if (sigkill) {
        worker.destroyForcibly(); // SIGKILL, as `kill -9` of the worker: no hook runs
      } else {
        worker.destroy(); // SIGTERM, as `kill -TERM` of the worker
      }
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker did not exit");
      // polled up to a deadline (another process's state: no clock to inject); the group needs ~2 s
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<Long> left = new ArrayList<>(pids);
      while (!left.isEmpty() && System.nanoTime() < deadline) {
        left.removeIf(pid -> !alive(pid));
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertEquals(List.of(), left, "processes of the command outlived their worker");
    } finally {
      worker.destroyForcibly();
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * @return whether the process runs (a zombie awaiting its reaper counts as ended)
   */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("worker.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
