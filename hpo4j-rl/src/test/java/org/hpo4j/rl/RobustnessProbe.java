package org.hpo4j.rl;

import java.util.Arrays;
import java.util.Map;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Study;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.BenchmarkFunctions;

/**
 * Diagnostic main (not a test): median final regret of samplers on named functions. args: functions
 * (comma), samplers (comma, name[:key=value;key=value]), seeds, trials.
 */
public final class RobustnessProbe {
  public static void main(String[] args) {
    String[] fns = args[0].split(",");
    String[] samplers = args[1].split(",");
    int seeds = Integer.parseInt(args[2]);
    int trials = Integer.parseInt(args[3]);
    for (String fn : fns) {
      BenchmarkFunction f = BenchmarkFunctions.byName(fn);
      StringBuilder line = new StringBuilder(fn);
      for (String spec : samplers) {
        String[] parts = spec.split(":", 2);
        Map<String, Object> opts = new java.util.HashMap<>();
        if (parts.length > 1) {
          for (String kv : parts[1].split(";")) {
            String[] p = kv.split("=");
            Object v =
                p[1].matches("-?[0-9.]+")
                    ? (Object)
                        (p[1].contains(".") ? Double.parseDouble(p[1]) : Integer.parseInt(p[1]))
                    : p[1].equals("true") || p[1].equals("false")
                        ? Boolean.parseBoolean(p[1])
                        : p[1];
            opts.put(p[0], v);
          }
        }
        double[] r = new double[seeds];
        double[] sig = new double[seeds];
        long t0 =
            java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int s = 0; s < seeds; s++) {
          org.hpo4j.sampler.Sampler sm = Samplers.create(parts[0], s, opts);
          Study study = Study.builder().sampler(sm).build();
          study.optimize(f::evaluate, trials);
          r[s] = study.bestValue() - f.optimum();
          sig[s] = sm instanceof RlSampler rs ? rs.stats().lastMeanSigma() : Double.NaN;
        }
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        Arrays.sort(sig);
        line.append(
            String.format(
                "  %s %.4g sig %.3f (%.2f cpu s/run)",
                spec,
                sorted[seeds / 2],
                sig[seeds / 2],
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                        - t0)
                    / 1e9
                    / seeds));
        if (System.getProperty("probe.all") != null) {
          line.append(" ").append(Arrays.toString(r));
        }
      }
      System.out.println(line);
    }
  }
}
