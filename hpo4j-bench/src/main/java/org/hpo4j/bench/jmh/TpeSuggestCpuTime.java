package org.hpo4j.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The suggest of {@link TpeSuggestBenchmark} timed in CPU time of the calling thread, for machines
 * shared with other work, where JMH's wall-clock times mostly measure the load. Runs each (sampler,
 * finished trials) pair for warm-up rounds of at least 3 s of CPU (so the JIT has compiled the hot
 * loops), then three measured rounds of at least 1 s each, and prints the CPU milliseconds per
 * suggest of each measured round.
 *
 * <p>Run from the repository root, after the build step in {@link TpeSuggestBenchmark}:
 *
 * <pre>
 * java -cp hpo4j-bench/target/classes:$(cat /tmp/bench-cp.txt) org.hpo4j.bench.jmh.TpeSuggestCpuTime [tpe tpe_uni]
 * </pre>
 */
public final class TpeSuggestCpuTime {
  private TpeSuggestCpuTime() {}

  public static void main(String[] args) {
    String[] samplers = args.length > 0 ? args : new String[] {"tpe", "tpe_uni"};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String sampler : samplers) {
      for (int finished : new int[] {100, 1000, 10000}) {
        TpeSuggestBenchmark b = new TpeSuggestBenchmark();
        b.sampler = sampler;
        b.finishedTrials = finished;
        b.setUp();
        double sink = 0;
        long warm = mx.getCurrentThreadCpuTime();
        while (mx.getCurrentThreadCpuTime() - warm < 3_000_000_000L) {
          sink += b.suggestOnce();
        }
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < 3; round++) {
          long start = mx.getCurrentThreadCpuTime();
          int iterations = 0;
          long used;
          do {
            sink += b.suggestOnce();
            iterations++;
            used = mx.getCurrentThreadCpuTime() - start;
          } while (used < 1_000_000_000L);
          rounds.append(String.format(" %.3f", used / 1e6 / iterations));
        }
        System.out.printf(
            "%-8s %6d finished trials: CPU ms per suggest%s%s%n",
            sampler, finished, rounds, Double.isNaN(sink) ? " (NaN)" : "");
      }
    }
  }
}
