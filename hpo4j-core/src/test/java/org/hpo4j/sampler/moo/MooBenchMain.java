package org.hpo4j.sampler.moo;

import java.util.Arrays;
import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;

/**
 * Not a test: prints median final hypervolumes over seeds. Run after test-compile with
 * {@code java -cp ... org.hpo4j.sampler.moo.MooBenchMain nsga2 "population=20" 10 200}.
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
          v = p[1].contains(".") ? (Object) Double.parseDouble(p[1]) : (Object) Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
          v = p[1];
        }
        opts.put(p[0], v);
      }
    }
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int trials = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    String[] fns = args.length > 4 ? args[4].split(",") : new String[] {"zdt1", "zdt2", "zdt3", "dtlz2"};
    for (String fn : fns) {
      double[] hv = new double[seeds];
      long t0 = System.nanoTime();
      for (int s = 0; s < seeds; s++) {
        Sampler sampler = Samplers.create(name, s, opts);
        hv[s] = Zdt.run(fn, sampler, trials);
      }
      Arrays.sort(hv);
      double med = seeds % 2 == 1 ? hv[seeds / 2] : (hv[seeds / 2 - 1] + hv[seeds / 2]) / 2;
      System.out.printf("%s %s %s median=%.3f min=%.3f max=%.3f wall/seed=%.3fs%n", name, opts, fn, med, hv[0], hv[seeds - 1],
          (System.nanoTime() - t0) / 1e9 / seeds);
    }
  }
}
