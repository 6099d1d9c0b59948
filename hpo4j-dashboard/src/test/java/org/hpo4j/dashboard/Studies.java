package org.hpo4j.dashboard;

import java.util.List;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;

/** Small hand-made studies for the plot tests, each seeded. */
public final class Studies {
  private Studies() {}

  /**
   * f = x0^2: only x0 matters; x1, the log-scaled x2 and the categorical c are noise-free decoys.
   */
  public static Study onlyX0Matters(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    s.optimize(
        t -> {
          double x0 = t.suggestFloat("x0", -5, 5);
          t.suggestFloat("x1", -5, 5);
          t.suggestFloat("x2", 1e-3, 1, true);
          t.suggestCategorical("c", List.of("a", "b", "c"));
          return x0 * x0;
        },
        trials);
    return s;
  }

  /** f = x + y on [0, 1]^2, for contour tests. */
  public static Study plane(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    s.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), trials);
    return s;
  }

  /**
   * A conditional space: "model" picks "svm" (with log-scaled C, which matters a lot) or "tree"
   * (with depth, which matters little, always worse than a good svm).
   */
  public static Study conditional(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    s.optimize(
        t -> {
          String model = t.suggestCategorical("model", List.of("svm", "tree"));
          t.suggestFloat("noise", 0, 1);
          if (model.equals("svm")) {
            double c = t.suggestFloat("C", 1e-3, 1e3, true);
            return Math.abs(Math.log10(c) - 1);
          }
          long depth = t.suggestInt("depth", 1, 10);
          return 2 + 0.01 * depth;
        },
        trials);
    return s;
  }

  /** Learning curves by hand: every third trial is pruned at step 3, one fails. */
  public static Study curves(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    for (int i = 0; i < trials; i++) {
      Trial t = s.ask();
      double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
      double v = 1;
      int steps = i % 3 == 2 ? 4 : 10;
      for (int step = 0; step < steps; step++) {
        v = v * (1 - 10 * lr) + lr;
        t.report(step, v);
      }
      if (i == 4) {
        s.tell(t, TrialState.FAIL);
      } else if (i % 3 == 2) {
        s.tell(t, TrialState.PRUNED);
      } else {
        s.tell(t, v);
      }
    }
    return s;
  }

  /**
   * Branin on x in [-5, 10], y in [0, 15], values up to ~300 with a best near 0.4 (what a log scale
   * is for); trials with x above 8 fail with the reason "x too large".
   */
  public static Study failing(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    s.optimize(
        t -> {
          double x = t.suggestFloat("x", -5, 10);
          double y = t.suggestFloat("y", 0, 15);
          if (x > 8) {
            throw new IllegalStateException("x too large: " + x);
          }
          double b = y - 5.1 / (4 * Math.PI * Math.PI) * x * x + 5 / Math.PI * x - 6;
          return b * b + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
        },
        trials);
    return s;
  }

  /** f = sum of x_i^2 over {@code dims} floats in [-1, 1]: the shape of a huge random study. */
  public static Study sphere(Storage storage, String name, int dims, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    s.optimize(
        t -> {
          double v = 0;
          for (int i = 0; i < dims; i++) {
            v += Math.pow(t.suggestFloat("x" + i, -1, 1), 2);
          }
          return v;
        },
        trials);
    return s;
  }

  /** Two objectives: (x, (1 - sqrt(x)) + y), a convex front at y = 0. */
  public static Study twoObjectives(Storage storage, String name, int trials, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
            .build();
    s.optimizeMulti(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          double y = t.suggestFloat("y", 0, 1);
          return new double[] {x, 1 - Math.sqrt(x) + y};
        },
        trials);
    return s;
  }
}
