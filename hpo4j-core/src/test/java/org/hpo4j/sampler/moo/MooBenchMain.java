package org.hpo4j.sampler.moo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;

/**
 * Not a test: prints median final hypervolumes over seeds and the median CPU time of the calling
 * thread per run (the whole ask/evaluate/tell loop; the functions are nearly free, so this is the
 * sampler's time). Run after test-compile with {@code java -cp ...
 * org.hpo4j.sampler.moo.MooBenchMain motpe "" 0-29 200 zdt1,zdt2,zdt3,dtlz2}.
 */
public final class MooBenchMain {
  public static void main(String[] args) {
    String name = args[0];
    Map<String, Object> opts = new java.util.HashMap<>();
    if (args.length > 1 && !args[1].isEmpty()) {
      for (String kv : args[1].split(",")) {
        String[] p = kv.split("=");
        Object v;
        try {
          v =
              p[1].contains(".")
                  ? (Object) Double.parseDouble(p[1])
                  : (Object) Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
          v = p[1];
        }
        opts.put(p[0], v);
      }
    }
    String[] range = (args.length > 2 ? args[2] : "0-9").split("-");
    int from = Integer.parseInt(range[0]);
    int to = Integer.parseInt(range[range.length - 1]);
    int seeds = to - from + 1;
    int trials = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    String[] fns =
        args.length > 4 ? args[4].split(",") : new String[] {"zdt1", "zdt2", "zdt3", "dtlz2"};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String fn : fns) {
      double[] hv = new double[seeds];
      double[] cpu = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        Sampler sampler = Samplers.create(name, from + s, opts);
        long c0 = mx.getCurrentThreadCpuTime();
        hv[s] = Zdt.run(fn, sampler, trials);
        cpu[s] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      }
      double mean = Arrays.stream(hv).average().orElse(0);
      double med10 = seeds >= 10 ? median(Arrays.copyOf(hv, 10)) : Double.NaN;
      System.out.printf(
          "%s %s %s median=%.3f mean=%.3f med0-9=%.3f min=%.3f max=%.3f cpu/run median=%.3fs%n",
          name,
          opts,
          fn,
          median(hv.clone()),
          mean,
          med10,
          Arrays.stream(hv).min().orElse(0),
          Arrays.stream(hv).max().orElse(0),
          median(cpu));
    }
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
