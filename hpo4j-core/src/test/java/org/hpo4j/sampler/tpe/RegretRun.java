package org.hpo4j.sampler.tpe;

import java.util.Arrays;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.study.Study;

/**
 * Manual tuning aid (not a test): prints the median final regret over seeds per function. Run with:
 * java -cp ... org.hpo4j.sampler.tpe.RegretRun tpe 10 100
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
    int first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    java.util.Map<String, Object> options = new java.util.HashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=");
      Object v =
          kv[1].equals("true") || kv[1].equals("false")
              ? (Object) Boolean.valueOf(kv[1])
              : (Object) Double.valueOf(kv[1]);
      options.put(kv[0], v);
    }
    double[] ref = {0.0186, 0.0238, 0.116, 23.6, 7.27, 7.11, 60.6, 0.081};
    double logScore = 0;
    int wins = 0;
    int f = 0;
    for (TestFunctions.Fn fn : TestFunctions.ALL) {
      double[] r = new double[seeds];
      long t0 = System.nanoTime();
      for (int s = 0; s < seeds; s++) {
        r[s] = finalRegret(Samplers.create(name, first + s, options), fn, trials);
      }
      Arrays.sort(r);
      double med = seeds % 2 == 1 ? r[seeds / 2] : 0.5 * (r[seeds / 2 - 1] + r[seeds / 2]);
      System.out.printf(
          "%-18s %-8s median %.4g  ref %.4g  (%.2f s)%n",
          fn.name(), name, med, ref[f], (System.nanoTime() - t0) / 1e9);
      logScore += Math.log(med / ref[f]) / 8;
      wins += med <= ref[f] ? 1 : 0;
      f++;
    }
    System.out.printf(
        "SCORE %s %s: wins %d/8, geomean ratio %.3f%n", name, options, wins, Math.exp(logScore));
  }
}
