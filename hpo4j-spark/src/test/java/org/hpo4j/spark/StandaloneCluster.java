package org.hpo4j.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and Workers as plain java processes over
 * the jars the build copied into target/spark-home/jars (see the pom), each executor a JVM of its
 * own, a child of its Worker. Small on purpose: one core and little memory per Worker.
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path home;
  private final Path workDir;
  private final List<String> opens;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final int masterPort;
  private final int masterUiPort;

  private StandaloneCluster(Path home, Path workDir) throws IOException {
    this.home = home;
    this.workDir = workDir;
    this.opens = Arrays.asList(System.getProperty("spark.add.opens", "").trim().split("\\s+"));
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /**
   * Starts a Master and {@code workers} Workers and waits until the Master lists them alive.
   *
   * @throws IllegalStateException when the jars are missing or the cluster does not come up
   */
  static StandaloneCluster start(Path workDir, int workers) throws Exception {
    Path home = Path.of(System.getProperty("spark.home.dir", "target/spark-home")).toAbsolutePath();
    Path jars = home.resolve("jars");
    if (!Files.isDirectory(jars) || !Files.exists(jars.resolve("spark-core_2.12-3.5.9.jar"))) {
      throw new IllegalStateException(
          "no Spark jars in " + jars + ": run through Maven (process-test-classes copies them)");
    }
    Files.writeString(home.resolve("RELEASE"), "");
    StandaloneCluster c = new StandaloneCluster(home, workDir);
    try {
      c.launch(
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(c.masterPort),
          "--webui-port",
          String.valueOf(c.masterUiPort));
      for (int i = 0; i < workers; i++) {
        Path wd = Files.createDirectories(workDir.resolve("worker-" + i));
        c.workers.add(
            c.launch(
                "worker-" + i,
                "org.apache.spark.deploy.worker.Worker",
                c.masterUrl(),
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                "1g",
                "--webui-port",
                String.valueOf(freePort()),
                "--work-dir",
                wd.toString()));
      }
      c.awaitWorkers(workers, Duration.ofSeconds(90));
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * @return the executor class path: the test JVM's class path less what the cluster's jars hold
   */
  String applicationClassPath() {
    Set<String> spark;
    try (Stream<Path> s = Files.list(home.resolve("jars"))) {
      spark = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!spark.contains(Path.of(entry).getFileName().toString())) {
        out.add(entry);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  String javaOptions() {
    return String.join(" ", opens);
  }

  /**
   * @return the executor JVMs now running, by executor id
   */
  java.util.Map<String, ProcessHandle> executors() {
    java.util.Map<String, ProcessHandle> out = new java.util.TreeMap<>();
    Pattern id = Pattern.compile("--executor-id (\\S+)");
    for (Process w : workers) {
      w.toHandle()
          .children()
          .forEach(
              ch -> {
                String cmd = commandLine(ch);
                Matcher m = id.matcher(cmd);
                if (m.find()) {
                  out.put(m.group(1), ch);
                }
              });
    }
    return out;
  }

  /** /proc's command line: ProcessHandle.Info gives none for an executor's very long one. */
  private static String commandLine(ProcessHandle p) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
              java.nio.charset.StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return p.info().commandLine().orElse("");
    }
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(opens);
    cmd.addAll(List.of("-Xmx256m", "-cp", home.resolve("jars") + File.separator + "*", mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.12");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("SPARK_CONF_DIR");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private void awaitWorkers(int n, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    String last = "";
    while (System.nanoTime() < end) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a cluster process exited with " + p.exitValue() + "; logs in " + workDir);
        }
      }
      try {
        last =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = alive.matcher(last);
        if (m.find() && Integer.parseInt(m.group(1)) >= n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        n
            + " workers did not register in "
            + timeout
            + "; last answer: "
            + last
            + "; logs in "
            + workDir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Stops the Workers' executors, the Workers, then the Master. */
  @Override
  public void close() {
    Set<ProcessHandle> all = new HashSet<>();
    for (Process p : processes) {
      p.toHandle().descendants().forEach(all::add);
    }
    all.forEach(ProcessHandle::destroyForcibly);
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  Optional<Path> logDir() {
    return Optional.of(workDir);
  }
}
