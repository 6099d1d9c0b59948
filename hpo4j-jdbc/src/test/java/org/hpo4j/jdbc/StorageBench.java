package org.hpo4j.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;

/**
 * Storage overhead per trial (not a test): a trivial objective of two parameters under the random
 * sampler, run by W threads of this JVM or by W worker processes, timed over {@value #WINDOW}
 * trials starting when the study holds 100, 1,000 and 10,000 trials (after a warm-up study of
 * {@value #WARMUP} trials, so that the JIT is not measured); with {@code history} each trial also
 * reads the COMPLETE trials as a model-based sampler would. Run:
 *
 * <pre>
 *   mvn -q -o -pl hpo4j-jdbc -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp hpo4j-jdbc/target/test-classes:hpo4j-jdbc/target/classes:$(cat /tmp/cp.txt) \
 *     org.hpo4j.jdbc.StorageBench sqlite:/tmp/bench.db 10000 8 procs
 * </pre>
 *
 * Args: storage URL, trials, workers, then any of {@code procs} (worker processes instead of
 * threads) and {@code history}. Prints the wall time and this JVM's CPU time per trial (the CPU of
 * worker processes is not counted), and the load average, since wall time means little on a busy
 * machine.
 */
public final class StorageBench {
  static final int WINDOW = 400;
  static final int WARMUP = 500;

  private StorageBench() {}

  /** Prints one line per checkpoint. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
      return;
    }
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    int workers = Integer.parseInt(args[2]);
    List<String> flags = List.of(args).subList(3, args.length);
    boolean history = flags.contains("history");
    boolean procs = flags.contains("procs");
    String shown = url.replaceAll("://[^@]*@", "://***@");
    try (Storage storage = Storages.open(url)) {
      String name = "bench-" + System.nanoTime();
      Study study =
          Study.builder()
              .name(name)
              .storage(storage)
              .sampler(RandomSampler.builder().seed(1).build())
              .build();
      Study warm =
          Study.builder()
              .name(name + "-warmup")
              .storage(storage)
              .sampler(RandomSampler.builder().seed(2).build())
              .build();
      run(warm, WARMUP, workers, history);
      int done = 0;
      for (int cp : new int[] {100, 1000, 10000, 100000}) {
        if (cp > n) {
          break;
        }
        run(study, cp - done, workers, history); // fill up to the checkpoint
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        if (procs) {
          t0 = runProcesses(url, name, workers, history);
        } else {
          run(study, WINDOW, workers, history);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (cpuNanos() - c0) / 1e6;
        done = cp + WINDOW;
        System.out.printf(
            "%s %s=%d history=%s at %d trials: %d trials in %.0f ms = %.0f trials/s; "
                + "this JVM's CPU %.2f ms/trial; load %s%n",
            shown,
            procs ? "processes" : "threads",
            workers,
            history,
            cp,
            WINDOW,
            ms,
            WINDOW * 1000 / ms,
            cpuMs / WINDOW,
            load());
      }
      if (procs) {
        System.out.println(
            "(process timings start when every worker has warmed up and been told to go)");
      }
    }
  }

  private static String load() {
    return String.format(
        "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void run(Study study, int trials, int threads, boolean history) throws Exception {
    if (trials <= 0) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      int per = trials / threads;
      for (int w = 0; w < threads; w++) {
        int mine = w == threads - 1 ? trials - per * (threads - 1) : per;
        fs.add(
            pool.submit(
                () -> {
                  trials(study, mine, history);
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void trials(Study study, int n, boolean history) {
    for (int i = 0; i < n; i++) {
      Trial t = study.ask();
      double x = t.suggestFloat("x", -5, 5);
      long k = t.suggestInt("k", 0, 3);
      study.tell(t, x * x + k);
      if (history) {
        study.trials(EnumSet.of(TrialState.COMPLETE));
      }
    }
  }

  /**
   * Starts the worker processes, waits until each has warmed up on its own study, then tells them
   * all to go and waits until their {@value #WINDOW} trials are done.
   *
   * @return {@link System#nanoTime()} when they were told to go
   */
  private static long runProcesses(String url, String study, int workers, boolean history)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int mine = WINDOW / workers + (w < WINDOW % workers ? 1 : 0);
      // C1 only: eight JVMs compiling with C2 would take most of two cores during the window.
      Process p =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  StorageBench.class.getName(),
                  "--child",
                  url,
                  study,
                  Integer.toString(mine),
                  Long.toString(100 + w))
              .redirectError(
                  ProcessBuilder.Redirect.appendTo(
                      new java.io.File(
                          System.getProperty("java.io.tmpdir"),
                          "hpo4j-bench-worker-" + w + ".log")))
              .start();
      ps.add(p);
      outs.add(
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
    for (BufferedReader r : outs) {
      String line = r.readLine();
      if (!"ready".equals(line)) {
        throw new IllegalStateException("a worker did not warm up: " + line);
      }
    }
    long start = System.nanoTime();
    for (Process p : ps) {
      PrintWriter go =
          new PrintWriter(
              new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
      go.println(history ? "go history" : "go");
    }
    long cpu = 0;
    for (int w = 0; w < workers; w++) {
      String line = outs.get(w).readLine();
      if (line == null || !line.startsWith("done ")) {
        throw new IllegalStateException(
            "worker " + w + " failed: " + line + " (see its log in java.io.tmpdir)");
      }
      cpu += Long.parseLong(line.substring(5));
      ps.get(w).waitFor();
    }
    System.out.printf("  the worker processes' CPU: %.2f ms/trial%n", cpu / 1e6 / WINDOW);
    return start;
  }

  /** A worker process: warms up on its own study, says "ready", waits for "go", runs its trials. */
  private static void child(String url, String study, int trials, long seed) throws Exception {
    try (Storage storage = Storages.open(url)) {
      Study warm =
          Study.builder()
              .name(study + "-warm-" + seed)
              .storage(storage)
              .sampler(RandomSampler.builder().seed(seed).build())
              .loadIfExists(true)
              .build();
      trials(warm, WARMUP / 2, false);
      Study s =
          Study.builder()
              .name(study)
              .storage(storage)
              .sampler(RandomSampler.builder().seed(seed).build())
              .loadIfExists(true)
              .build();
      System.out.println("ready");
      System.out.flush();
      String go =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      long c0 = cpuNanos();
      trials(s, trials, go != null && go.contains("history"));
      System.out.println("done " + (cpuNanos() - c0));
    }
  }
}
