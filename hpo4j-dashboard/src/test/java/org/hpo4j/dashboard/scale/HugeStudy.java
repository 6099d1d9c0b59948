package org.hpo4j.dashboard.scale;

import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;

/**
 * Writes the huge study of docs/dashboard/huge-study.md (not a test): N random-sampler trials of 8
 * float parameters into a storage, through the library, in runs of 1,000 so progress shows. {@code
 * java -cp ... org.hpo4j.dashboard.scale.HugeStudy 'sqlite:/tmp/huge.db?synchronous_commit=off'
 * 100000}
 */
public final class HugeStudy {
  private HugeStudy() {}

  public static void main(String[] args) {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    try (Storage storage = Storages.open(url)) {
      Study s =
          Study.builder()
              .name("huge")
              .storage(storage)
              .sampler(org.hpo4j.sampler.RandomSampler.builder().seed(0).build())
              .build();
      for (int done = 0; done < n; done += 1000) {
        s.optimize(
            t -> {
              double v = 0;
              for (int i = 0; i < 8; i++) {
                double x = t.suggestFloat("x" + i, -5, 5);
                v += (i + 1) * x * x;
              }
              return v;
            },
            Math.min(1000, n - done));
        System.err.printf(
            "%d trials, %.1f s%n", done + Math.min(1000, n - done), (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
