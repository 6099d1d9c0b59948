package org.hpo4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpo run STUDY.yaml}: runs (or resumes) the study a file describes, with a progress bar, and
 * prints the best trial. The file's {@code trials} is the study's total: running the same command
 * again after a crash completes it.
 */
@Command(name = "run", description = "Run or resume the study described by a YAML file.")
final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.")
  Path file;

  @Option(names = "--storage", description = "Storage URL (default: the file's 'storage', else " + StorageUrls.DEFAULT + ").")
  String storage;

  @Option(names = "--trials", description = "Override the file's total number of trials.")
  Integer trials;

  @Option(names = "--threads", description = "Override the file's number of threads.")
  Integer threads;

  @Option(names = "--seed", description = "Override the file's seed.")
  Long seed;

  @Override
  public Integer call() {
    StudyFile f = StudyFile.read(file);
    if (trials != null && trials < 1) {
      throw new IllegalArgumentException("--trials must be >= 1, but got " + trials);
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, but got " + threads);
    }
    int total = trials != null ? trials : f.trials();
    int nThreads = threads != null ? threads : f.threads();
    long s = seed != null ? seed : f.seed();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    var objective = ObjectiveResolver.resolve(f);
    Sampler sampler = sampler(f, s);
    Pruner pruner = StudyParts.pruner(f);
    String url = storage != null ? storage : f.storage();
    try (Storage st = StorageUrls.open(url, err)) {
      Study study = Study.builder().name(f.name()).directions(f.directions().toArray(new org.hpo4j.study.StudyDirection[0]))
          .sampler(sampler).pruner(pruner).storage(st).loadIfExists(true).build();
      int finished = study.finishedTrialCount();
      int remaining = total - finished;
      err.printf("study '%s': %s, sampler %s, storage %s%s%n", study.name(), f.directions(), f.sampler().type(),
          StudyParts.describe(url), finished > 0 ? ", resuming with " + finished + " finished trials" : "");
      if (remaining > 0) {
        ProgressBar bar = new ProgressBar(err, remaining, finished, System.console() != null);
        study.addCallback(bar);
        study.optimizeMulti(objective, remaining, nThreads, f.timeout());
      } else {
        err.printf("study '%s' already has %d finished trials (of %d asked)%n", study.name(), finished, total);
      }
      err.flush();
      Report.printBest(study, out);
    }
    return 0;
  }

  private static Sampler sampler(StudyFile f, long seed) {
    String type = f.sampler().type();
    if (type.equals("tpe") && !Samplers.known().contains("tpe")) {
      type = "random";
    }
    try {
      return Samplers.create(type, seed, f.sampler().options());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(f.path() + ": sampler: " + e.getMessage());
    }
  }
}
