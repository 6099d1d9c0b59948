package org.hpo4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;

/**
 * Cost of the whole optimize loop (ask, suggest, evaluate, tell; in-memory storage) in a study that
 * already holds n trials of 8 float parameters, and the heap such a study keeps. Two ways to reach
 * n, both printed as one table row per n:
 *
 * <ul>
 *   <li>{@code grow}: one study runs the sampler from trial 0; the cost at n is the mean over the
 *       {@code window} trials before n. Exact, but reaching n costs the sum of every trial before.
 *   <li>{@code prefill}: n - window random trials first (cheap), then the same study loaded again
 *       with the sampler, which reads the whole history on its first suggest (not measured: a few
 *       warm-up trials) and then runs {@code window} measured trials. A suggest's cost depends on
 *       how many trials it reads, not on how good they are, so this measures the same loop at sizes
 *       that growing would take hours to reach.
 * </ul>
 *
 * Reports wall-clock and the loop thread's CPU time (on a shared machine the CPU time is the
 * steadier figure), and the heap in use after a full GC with the study and its sampler alive.
 *
 * <p>Run (repository root): {@code docs/scale/run.sh}, or {@code java -cp ...
 * org.hpo4j.bench.ScaleBenchmark --sampler tpe --mode prefill --sizes 1000,10000}.
 */
public final class ScaleBenchmark {
  static final int DIMS = 8;
  private static final int WARMUP = 5;

  private ScaleBenchmark() {}

  /** One measured size. */
  record Row(
      String sampler,
      String mode,
      int trials,
      int window,
      double wallMsPerTrial,
      double cpuMsPerTrial,
      double heapMb) {}

  public static void main(String[] args) {
    String sampler = "tpe";
    String mode = "prefill";
    List<Integer> sizes = List.of(1000, 10000, 20000);
    int window = 50;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--sampler" -> sampler = require(args[i], value);
        case "--mode" -> mode = require(args[i], value);
        case "--sizes" -> sizes = parseSizes(require(args[i], value));
        case "--window" -> window = Integer.parseInt(require(args[i], value));
        default -> {
          System.err.println(
              "unknown option "
                  + args[i]
                  + "; allowed: --sampler NAME --mode grow|prefill --sizes N,N,... --window N");
          System.exit(2);
        }
      }
      i++;
    }
    if (!mode.equals("grow") && !mode.equals("prefill")) {
      System.err.println("--mode must be grow or prefill, but got " + mode);
      System.exit(2);
    }
    System.out.println(
        "| sampler | mode | trials | window | wall ms/trial | cpu ms/trial | heap after GC, MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<Row> rows = mode.equals("grow") ? grow(sampler, sizes, window) : new ArrayList<>();
    if (mode.equals("prefill")) {
      for (int n : sizes) {
        rows.add(prefill(sampler, n, window));
      }
    }
  }

  private static String require(String option, String value) {
    if (value == null) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return value;
  }

  private static List<Integer> parseSizes(String s) {
    List<Integer> out = new ArrayList<>();
    for (String part : s.split(",")) {
      out.add(Integer.parseInt(part.trim()));
    }
    return out;
  }

  /** Styblinski-Tang in 8 dimensions: nearly free, so the loop's cost is the framework's. */
  public static double objective(Trial t) {
    double f = 0;
    for (int j = 0; j < DIMS; j++) {
      double x = t.suggestFloat("x" + j, -5, 5);
      f += 0.5 * (x * x * x * x - 16 * x * x + 5 * x);
    }
    return f;
  }

  private static List<Row> grow(String sampler, List<Integer> sizes, int window) {
    Study study =
        Study.builder().name("scale").sampler(Samplers.create(sampler, 0, Map.of())).build();
    List<Row> rows = new ArrayList<>();
    int done = 0;
    for (int n : sizes) {
      if (n - window > done) {
        study.optimize(ScaleBenchmark::objective, n - window - done);
      }
      rows.add(measure(study, sampler, "grow", n, window));
      done = n;
    }
    return rows;
  }

  private static Row prefill(String sampler, int n, int window) {
    Study study = prefilled(Samplers.create(sampler, 0, Map.of()), n - window);
    return measure(study, sampler, "prefill", n, window);
  }

  /**
   * @return an in-memory study of {@code n} trials with {@code sampler}: n - 5 random ones, then 5
   *     of the sampler, which has thus read the whole history once
   */
  public static Study prefilled(Sampler sampler, int n) {
    Storage storage = Storages.inMemory();
    int filled = n - WARMUP;
    if (filled > 0) {
      Study.builder()
          .name("scale")
          .storage(storage)
          .sampler(RandomSampler.builder().seed(1).build())
          .build()
          .optimize(ScaleBenchmark::objective, filled);
    }
    Study study =
        Study.builder().name("scale").storage(storage).loadIfExists(true).sampler(sampler).build();
    study.optimize(ScaleBenchmark::objective, Math.min(n, WARMUP));
    return study;
  }

  private static Row measure(Study study, String sampler, String mode, int n, int window) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    study.optimize(ScaleBenchmark::objective, window);
    double wall = (System.nanoTime() - wall0) / 1e6 / window;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / window;
    double heap = heapAfterGc();
    Row r = new Row(sampler, mode, study.trials().size(), window, wall, cpu, heap);
    System.out.printf(
        "| %s | %s | %,d | %d | %.2f | %.2f | %.1f |%n",
        r.sampler(),
        r.mode(),
        r.trials(),
        r.window(),
        r.wallMsPerTrial(),
        r.cpuMsPerTrial(),
        r.heapMb());
    System.out.flush();
    return r;
  }

  /**
   * @return MB of heap in use after full collections, with everything reachable from the caller
   *     alive
   */
  static double heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }
}
