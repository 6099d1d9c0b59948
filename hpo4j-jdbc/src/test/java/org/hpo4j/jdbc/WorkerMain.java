package org.hpo4j.jdbc;

import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;

/**
 * A worker process of the multi-process tests: joins a stored study and runs trials of a trivial
 * objective. Args: storage URL, study name, number of trials, seed, and the trial number at which
 * to hang forever (-1: never), so that the crash test can kill it mid-trial.
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** Runs the worker; exits 0 when its trials are done. */
  public static void main(String[] args) {
    String url = args[0];
    String name = args[1];
    int trials = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    int hangAt = Integer.parseInt(args[4]);
    try (Storage storage = Storages.open(url)) {
      Study study =
          Study.builder()
              .name(name)
              .storage(storage)
              .sampler(RandomSampler.builder().seed(seed).build())
              .loadIfExists(true)
              .catchExceptions(false)
              .build();
      study.optimize(
          t -> {
            double x = t.suggestFloat("x", -5, 5);
            long k = t.suggestInt("k", 0, 3);
            if (t.number() == hangAt) {
              System.out.println("hanging in trial " + t.number());
              System.out.flush();
              Thread.sleep(Long.MAX_VALUE);
            }
            return x * x + k;
          },
          trials);
    }
    System.out.println("done");
  }
}
