package org.hpo4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.hpo4j.testing.BenchmarkFunctions;
import org.hpo4j.testing.MultiObjectiveFunctions;

/**
 * CPU seconds of the calling thread per suite run (the whole ask/evaluate/tell loop; the functions
 * are nearly free, so this is the sampler's cost), which unlike {@code wall_s} does not grow with
 * the load of a shared machine. Prints one line per (sampler, function): the median over seeds.
 *
 * <pre>
 * java -cp 'hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*' org.hpo4j.bench.SamplerCpuTime \
 *     gp nas_cell,zdt1 0-4 100</pre>
 */
public final class SamplerCpuTime {
  private SamplerCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int trials = Integer.parseInt(args[3]);
    for (String sampler : args[0].split(",")) {
      for (String fn : args[1].split(",")) {
        List<Double> cpu = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        for (long seed : SeedRange.parse(args[2])) {
          long t0 = mx.getCurrentThreadCpuTime();
          BenchResult r =
              MultiObjectiveFunctions.isMultiObjective(fn)
                  ? SuiteRunner.runMulti(sampler, MultiObjectiveFunctions.byName(fn), seed, trials)
                  : SuiteRunner.run(sampler, BenchmarkFunctions.byName(fn), seed, trials);
          cpu.add((mx.getCurrentThreadCpuTime() - t0) / 1e9);
          finals.add(Double.isNaN(r.finalValue()) ? Double.POSITIVE_INFINITY : r.finalValue());
        }
        Collections.sort(cpu);
        List<Double> sorted = new ArrayList<>(finals);
        Collections.sort(sorted);
        System.out.printf(
            Locale.ROOT,
            "%s %s trials=%d seeds=%d median_cpu_s=%.3f max_cpu_s=%.3f median_final=%.4g finals=%s%n",
            sampler,
            fn,
            trials,
            cpu.size(),
            cpu.get(cpu.size() / 2),
            cpu.get(cpu.size() - 1),
            (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2,
            finals.stream().map(v -> String.format(Locale.ROOT, "%.3g", v)).toList());
      }
    }
  }
}
