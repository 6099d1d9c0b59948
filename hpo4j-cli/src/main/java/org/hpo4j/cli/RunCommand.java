package org.hpo4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

  @Option(names = "--storage", description = "Storage URL: memory, sqlite:PATH or postgresql://user:pw@host:port/db "
      + "(default: the file's 'storage', else " + StorageUrls.DEFAULT + ").")
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
    CliChecks.positive("--trials", trials);
    CliChecks.positive("--threads", threads);
    int total = trials != null ? trials : f.trials();
    int nThreads = threads != null ? threads : f.threads();
    StudyRunner runner = new StudyRunner(f, seed != null ? seed : f.seed());
    f = runner.file();
    PrintWriter err = spec.commandLine().getErr();
    String url = storage != null ? storage : f.storage();
    try (Storage st = StorageUrls.open(url)) {
      Study study = runner.open(st);
      StoredStudyFile.store(st, study.id(), file, true); // so that workers can join without the file
      int finished = study.finishedTrialCount();
      int remaining = total - finished;
      err.printf("study '%s': %s, sampler %s, storage %s%s%n", study.name(), f.directions(), runner.samplerName(),
          StorageUrls.describe(url), finished > 0 ? ", resuming with " + finished + " finished trials" : "");
      if (remaining > 0) {
        runner.optimize(study, remaining, nThreads, finished, err);
      } else {
        err.printf("study '%s' already has %d finished trials (of %d asked)%n", study.name(), finished, total);
      }
      err.flush();
      Report.printBest(study, spec.commandLine().getOut());
      runner.printHoldout(study, spec.commandLine().getOut());
    }
    return 0;
  }
}
