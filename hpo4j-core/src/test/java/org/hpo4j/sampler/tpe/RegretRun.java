package org.hpo4j.sampler.tpe;

import java.util.Arrays;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Study;

/**
 * Manual tuning aid (not a test): prints the median final regret over seeds per function.
 * Run with: java -cp ... org.hpo4j.sampler.tpe.RegretRun tpe 10 100
 */
final class RegretRun {
  private RegretRun() {}

  static double finalRegret(Sampler sampler, TestFunctions.Fn fn, int trials) {
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(fn.objective(), trials);
    return study.bestValue() - fn.optimum();
  }

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "tpe";
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int trials = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    for (TestFunctions.Fn fn : TestFunctions.ALL) {
      double[] r = new double[seeds];
      long t0 = System.nanoTime();
      for (int s = 0; s < seeds; s++) {
        r[s] = finalRegret(Samplers.create(name, s, java.util.Map.of()), fn, trials);
      }
      Arrays.sort(r);
      double med = seeds % 2 == 1 ? r[seeds / 2] : 0.5 * (r[seeds / 2 - 1] + r[seeds / 2]);
      System.out.printf("%-18s %-8s median %.4g   (%.2f s)%n", fn.name(), name, med, (System.nanoTime() - t0) / 1e9);
    }
  }
}
