package org.hpo4j.cli;

import java.io.PrintWriter;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.MultiObjective;
import org.hpo4j.study.OptimizeOptions;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;

/**
 * What {@code run} and {@code worker} share: build the study a file describes on a storage
 * (creating it, or joining the stored one of the same name), then run trials with a progress bar.
 */
final class StudyRunner {
  private final StudyFile file;
  private final long seed;
  private final ObjectiveResolver.Resolved objective;
  private Interrupts interrupts;

  /**
   * Resolves the objective first, so a bad one is rejected before the storage is touched.
   *
   * @param seed the sampler's seed
   * @param threads trials run at once in this process (a model objective's {@code nthread: auto}
   *     takes the cores left over)
   * @param modelSeed a model objective's seed (splits) unless its section names one; every worker
   *     of one study must pass the same, so that all trials see the same split
   */
  StudyRunner(StudyFile file, long seed, int threads, long modelSeed) {
    this.objective = ObjectiveResolver.resolve(file, threads, modelSeed);
    this.file = objective.file();
    this.seed = seed;
  }

  StudyFile file() {
    return file;
  }

  Study open(Storage storage) {
    Pruner pruner = StudyParts.pruner(file);
    Sampler sampler = StudyParts.forPruner(sampler(), pruner);
    StudyDirection[] dirs = file.directions().toArray(new StudyDirection[0]);
    for (int attempt = 0; ; attempt++) {
      try {
        return Study.builder()
            .name(file.name())
            .directions(dirs)
            .sampler(sampler)
            .pruner(pruner)
            .storage(storage)
            .loadIfExists(true)
            .build();
      } catch (DuplicateStudyException e) {
        // Another worker created it between our lookup and our insert: join it.
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Runs {@code n} more trials of {@code study} on {@code threads} threads, stopping early when the
   * first trials all fail the same way ({@link FailureGuard}).
   *
   * @throws NoCompleteTrialException when the study ends with no COMPLETE trial, so that the
   *     command exits non-zero
   */
  void optimize(Study study, int n, int threads, int alreadyDone, PrintWriter err) {
    Double best =
        study.isMultiObjective() ? null : study.bestTrial().map(t -> t.value()).orElse(null);
    ProgressBar bar = new ProgressBar(err, n, alreadyDone, System.console() != null, best);
    study.addCallback(bar);
    FailureGuard guard = new FailureGuard(err);
    study.addCallback(guard);
    interrupts = Interrupts.install(study, err);
    try {
      run(study, n, threads);
    } finally {
      bar.finish();
    }
    if (study.completeTrials().isEmpty()) {
      throw new NoCompleteTrialException(
          "study '"
              + study.name()
              + "' has no COMPLETE trial"
              + (guard.stoppedBecause() != null
                  ? "; every trial failed with: " + guard.stoppedBecause()
                  : "; see the failures above (HPO4J_DEBUG=1 shows their stack traces)"));
    }
  }

  private void run(Study study, int n, int threads) {
    OptimizeOptions options = OptimizeOptions.trials(n).threads(threads);
    if (file.timeout() != null) {
      options = options.timeout(file.timeout());
    }
    Interrupts tracked = interrupts;
    MultiObjective inner = objective.objective();
    study.optimizeMulti(
        trial -> {
          tracked.started(trial.number());
          try {
            return inner.evaluate(trial);
          } finally {
            tracked.finished(trial.number());
          }
        },
        options);
  }

  /**
   * For a real model, refits the best configuration on all non-test rows and prints its score on
   * the held-out test split: the number a data scientist trusts, as the CV score was used to
   * choose.
   */
  void printHoldout(Study study, PrintWriter out) {
    if (objective.model() == null || study.isMultiObjective() || study.bestTrial().isEmpty()) {
      return;
    }
    try {
      var h = objective.model().holdout(study.best());
      out.printf(
          java.util.Locale.ROOT,
          "best configuration refitted on %d rows: held-out test %s %.4f on %d rows%s%n",
          h.trainRows(),
          h.metric().toString().toLowerCase(java.util.Locale.ROOT),
          h.test(),
          h.testRows(),
          h.details().isEmpty()
              ? ""
              : " (" + Report.format(new java.util.TreeMap<>(h.details())) + ")");
    } catch (Exception e) {
      out.println("held-out test: could not be computed: " + e.getMessage());
    }
    out.flush();
  }

  /**
   * One line on a real model's objective (dataset, validation, threads), or null for a function.
   */
  String modelDescription() {
    return objective.model() == null ? null : objective.model().describe();
  }

  /** True if the objective is a real model on a dataset (not a benchmark function). */
  boolean isModel() {
    return objective.model() != null;
  }

  String samplerName() {
    String type = file.sampler().type();
    return type.equals("tpe") && !Samplers.known().contains("tpe") ? "random" : type;
  }

  private Sampler sampler() {
    try {
      return Samplers.create(samplerName(), seed, file.sampler().options());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.path() + ": sampler: " + e.getMessage());
    }
  }
}
