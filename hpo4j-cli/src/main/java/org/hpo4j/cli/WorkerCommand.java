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
 * {@code hpo worker STUDY.yaml --storage URL --trials N}: one of many processes (on one machine or
 * many) sharing a study. Each runs N trials of its own; the storage numbers trials without gaps,
 * heartbeats them, and re-runs the trials of a worker that died.
 */
@Command(name = "worker", description = {
    "Join a shared study and run N trials in this process.",
    "Start as many workers as you like, on any machine that reaches the storage."})
final class WorkerCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file (objective, sampler, space).")
  Path file;

  @Option(names = "--storage", required = true, description = "Shared storage URL, e.g. postgresql://user:pw@host:5432/db.")
  String storage;

  @Option(names = "--study", description = "Study name (default: the file's name).")
  String study;

  @Option(names = "--trials", required = true, description = "Trials this worker runs.")
  int trials;

  @Option(names = "--threads", defaultValue = "1", description = "Threads in this worker (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", description = "Seed of this worker's sampler (default: the file's seed plus the process id).")
  Long seed;

  @Override
  public Integer call() {
    StudyFile f = StudyFile.read(file);
    if (study != null) {
      f = f.withName(study);
    }
    CliChecks.positive("--trials", trials);
    CliChecks.positive("--threads", threads);
    long s = seed != null ? seed : f.seed() + ProcessHandle.current().pid();
    StudyRunner runner = new StudyRunner(f, s, threads, f.seed());
    f = runner.file();
    PrintWriter err = spec.commandLine().getErr();
    try (Storage st = StorageUrls.open(storage)) {
      Study st2 = runner.open(st);
      err.printf("worker %d joined study '%s' on %s: %d finished trials so far%n", ProcessHandle.current().pid(),
          st2.name(), StorageUrls.describe(storage), st2.finishedTrialCount());
      runner.optimize(st2, trials, threads, 0, err);
      Report.printBest(st2, spec.commandLine().getOut());
    }
    return 0;
  }
}
