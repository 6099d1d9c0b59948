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
  private static final String SCRIPT = "sleep 300 & echo $! >> \"$0.pids\"\n"
      + "sh -c 'sleep 300 & echo $! >> \"$0.pids\"; wait' \"$0\" & echo $! >> \"$0.pids\"\n"
      + "( sleep 300 & echo $! >> \"$0.pids\" )\n"
      + "echo $$ >> \"$0.pids\"; touch \"$0.ready\"; wait\n";

  @TempDir Path dir;

  @Test
  void workerTerminated_noChildOrGrandchildLeft() throws Exception {
    assumeTrue(ProcessGroups.supported(), "process groups need Linux and setsid");
    Path base = dir.resolve("run");
    Files.writeString(base, SCRIPT);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process worker = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", cp,
        CommandRunMain.class.getName(), "exec sh " + base).redirectErrorStream(true)
        .redirectOutput(dir.resolve("worker.log").toFile()).start();
    List<Long> pids = new ArrayList<>();
    try {
      Path ready = Path.of(base + ".ready");
      Path pidFile = Path.of(base + ".pids");
      for (int i = 0; i < 600 && !(Files.exists(ready) && Files.readAllLines(pidFile).size() == 5); i++) {
        assertTrue(worker.isAlive(), () -> "the worker died: " + log());
        TimeUnit.MILLISECONDS.sleep(50); // waiting for another process's file: no clock to inject
      }
      assertTrue(Files.exists(ready), "the command never started: " + log());
      for (String line : Files.readAllLines(Path.of(base + ".pids"))) {
        pids.add(Long.parseLong(line.trim()));
      }
      assertEquals(5, pids.size());
      assertTrue(pids.stream().allMatch(ProcessGroupsTest::alive));
      worker.destroy(); // SIGTERM, as `kill -TERM` of the worker
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker did not exit on SIGTERM");
      List<Long> left = new ArrayList<>();
      for (long pid : pids) {
        for (int i = 0; i < 100 && alive(pid); i++) {
          TimeUnit.MILLISECONDS.sleep(20);
        }
        if (alive(pid)) {
          left.add(pid);
        }
      }
      assertEquals(List.of(), left, "processes of the command outlived their worker");
    } finally {
      worker.destroyForcibly();
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** @return whether the process runs (a zombie awaiting its reaper counts as ended) */
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
