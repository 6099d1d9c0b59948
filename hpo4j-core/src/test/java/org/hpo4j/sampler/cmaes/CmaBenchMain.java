package org.hpo4j.sampler.cmaes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.hpo4j.sampler.Samplers;

/**
 * Not a test: prints median final regrets over seeds, e.g. {@code java -cp ...
 * org.hpo4j.sampler.cmaes.CmaBenchMain cmaes "sigma0=0.3" 10 100}.
 */
public final class CmaBenchMain {
  public static void main(String[] args) {
    Map<String, Object> opts = new HashMap<>();
    if (args.length > 1 && !args[1].isEmpty()) {
      for (String kv : args[1].split(",")) {
        String[] p = kv.split("=");
        Object v =
            p[1].equals("true") || p[1].equals("false")
                ? (Object) Boolean.parseBoolean(p[1])
                : p[1].contains(".")
                    ? (Object) Double.parseDouble(p[1])
                    : (Object) Integer.parseInt(p[1]);
        opts.put(p[0], v);
      }
    }
    int seeds = Integer.parseInt(args[2]);
    int trials = Integer.parseInt(args[3]);
    String[] fns =
        args.length > 4
            ? args[4].split(",")
            : new String[] {
              "branin", "hartmann3", "hartmann6", "rosenbrock4", "ackley5", "levy8", "styblinski8"
            };
    for (String fn : fns) {
      double[] r = new double[seeds];
      long t0 = System.nanoTime();
      for (int s = 0; s < seeds; s++) {
        r[s] = Functions.regret(fn, Samplers.create(args[0], s, opts), trials);
      }
      Arrays.sort(r);
      double med = seeds % 2 == 1 ? r[seeds / 2] : (r[seeds / 2 - 1] + r[seeds / 2]) / 2;
      System.out.printf(
          "%s %s %-12s median=%.4g min=%.4g max=%.4g wall/seed=%.3fs%n",
          args[0], opts, fn, med, r[0], r[seeds - 1], (System.nanoTime() - t0) / 1e9 / seeds);
    }
  }
}
