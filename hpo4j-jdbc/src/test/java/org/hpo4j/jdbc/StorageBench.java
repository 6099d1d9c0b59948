package org.hpo4j.jdbc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;

/**
 * Storage overhead per trial (not a test): a trivial objective of two parameters under the random
 * sampler, timed over the last 100 trials when the study holds 100, 1,000 and 10,000 trials; with
 * {@code history} each trial also reads the COMPLETE trials as a model-based sampler would. Run:
 * <pre>
 *   mvn -q -o -pl hpo4j-jdbc dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp hpo4j-jdbc/target/test-classes:hpo4j-jdbc/target/classes:$(cat /tmp/cp.txt) \
 *     org.hpo4j.jdbc.StorageBench sqlite:/tmp/bench.db 10000 1 history
 * </pre>
 * Args: storage URL, trials, threads, and {@code history} or {@code none}.
 */
public final class StorageBench {
  private StorageBench() {}

  /** Prints one line per checkpoint. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    boolean history = args.length > 3 && args[3].equals("history");
    try (Storage storage = Storages.open(url)) {
      Study study = Study.builder().name("bench-" + System.nanoTime()).storage(storage).sampler(Sampler.random(1))
          .build();
      int[] checkpoints = {100, 1000, 10000, 100000};
      int done = 0;
      long startAll = System.nanoTime();
      for (int cp : checkpoints) {
        if (cp > n) {
          break;
        }
        run(study, cp - 100 - done, threads, history);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        run(study, 100, threads, history);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (cpuNanos() - c0) / 1e6;
        done = cp;
        System.out.printf("%s threads=%d history=%s trials=%d: last 100 in %.0f ms wall = %.2f ms/trial = %.0f trials/s;"
            + " this JVM's CPU %.2f ms/trial%n",
            url.replaceAll("://[^@]*@", "://***@"), threads, history, cp, ms, ms / 100, 100_000 / ms, cpuMs / 100);
      }
      double s = (System.nanoTime() - startAll) / 1e9;
      System.out.printf("overall: %d trials in %.1f s = %.0f trials/s%n", done, s, done / s);
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
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
        fs.add(pool.submit(() -> {
          for (int i = 0; i < mine; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", -5, 5);
            long k = t.suggestInt("k", 0, 3);
            study.tell(t, x * x + k);
            if (history) {
              study.trials(EnumSet.of(TrialState.COMPLETE));
            }
          }
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
}
