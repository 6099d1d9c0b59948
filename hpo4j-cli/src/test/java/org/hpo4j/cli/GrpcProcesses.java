package org.hpo4j.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child processes of the gRPC storage tests: {@code hpo} commands in JVMs on the test class path,
 * and scripts of the real Optuna through {@code ../shared/peers/optuna.sh} (relative to the
 * repository root; {@code HPO4J_OPTUNA_SH} overrides it). Without that script the tests are
 * skipped, except under {@code CI=true}, where they fail.
 */
final class GrpcProcesses {
  private static final Pattern SERVING = Pattern.compile("at grpc://127\\.0\\.0\\.1:(\\d+)");

  private GrpcProcesses() {}

  /** Starts {@code hpo ARGS} with its output (both streams) in {@code log}. */
  static Process hpo(Path log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                cp,
                Hpo.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(repoRoot().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Starts {@code optuna.sh SCRIPT ARGS} with its output in {@code log}. */
  static Process optuna(Path log, Path script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(optunaSh().toString(), script.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static Path repoRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  /**
   * @return the real Optuna's launcher, or skips (fails under CI=true) when it is missing
   */
  static Path optunaSh() {
    String env = System.getenv("HPO4J_OPTUNA_SH");
    Path p =
        env != null && !env.isBlank()
            ? Path.of(env)
            : repoRoot().resolve("../shared/peers/optuna.sh").normalize();
    if (!Files.isExecutable(p) && "true".equals(System.getenv("CI"))) {
      fail("CI=true but the Optuna peer " + p + " is missing (set HPO4J_OPTUNA_SH)");
    }
    assumeTrue(Files.isExecutable(p), "Optuna peer " + p + " missing: interop tests skipped");
    return p;
  }

  /**
   * @return the port an {@code hpo serve --port 0} announced in its log
   */
  static int servedPort(Process serve, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(read(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!serve.isAlive()) {
        fail("hpo serve exited (" + serve.exitValue() + "): " + read(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("hpo serve did not announce its port within 60 s: " + read(log));
  }

  /** Waits until something listens on the loopback {@code port}. */
  static void awaitListening(int port, Process owner, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        if (!owner.isAlive()) {
          fail("server exited (" + owner.exitValue() + "): " + read(log));
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("nothing listens on port " + port + " after 60 s: " + read(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Waits for a process and returns its exit code, failing with its log after {@code seconds}. */
  static int await(Process p, Path log, int seconds) throws Exception {
    if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("process did not finish within " + seconds + " s: " + read(log));
    }
    return p.exitValue();
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }

  /** Ends a process this test started: SIGKILL, as a crash. */
  static void kill(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      p.waitFor();
    }
  }
}
