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
 * {@code hpo worker [STUDY.yaml] --storage URL [--study NAME] --trials N}: one of many processes
 * (on one machine or many) sharing a study. Each runs N trials of its own; the storage numbers
 * trials without gaps, heartbeats them, and re-runs the trials of a worker that died. Without a
 * file the worker joins the stored study NAME and rebuilds it from the study file {@code hpo run}
 * stored with it ({@link StoredStudyFile}).
 */
@Command(
    name = "worker",
    description = {
      "Join a shared study and run N trials in this process.",
      "Start as many workers as you like, on any machine that reaches the storage."
    })
final class WorkerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STUDY.yaml",
      description =
          "The study file (objective, sampler, pruner); without it, the one 'hpo run' stored with --study.")
  Path file;

  @Option(
      names = "--storage",
      required = true,
      description = "Shared storage URL, e.g. postgresql://user:pw@host:5432/db.")
  String storage;

  @Option(
      names = "--study",
      description = "Study name (default: the file's name; required without a file).")
  String study;

  @Option(names = "--trials", required = true, description = "Trials this worker runs.")
  int trials;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Threads in this worker (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--seed",
      description = "Seed of this worker's sampler (default: the file's seed plus the process id).")
  Long seed;

  @Override
  public Integer call() {
    CliChecks.positive("--trials", trials);
    CliChecks.positive("--threads", threads);
    if (file == null && (study == null || study.isBlank())) {
      throw new IllegalArgumentException(
          "--study NAME is required when no study file is given "
              + "(hpo worker --storage URL --study NAME --trials N)");
    }
    PrintWriter err = spec.commandLine().getErr();
    StudyFile f = null;
    StudyRunner runner = null;
    if (file != null) {
      // Resolve the objective first, so that a bad file is rejected before the storage is touched.
      f = StudyFile.read(file);
      if (study != null) {
        f = f.withName(study);
      }
      runner = new StudyRunner(f, seed(f), threads, f.seed());
    }
    // A storage never reached fails at once (a typo, nothing listening); once reached, it is waited
    // for.
    Storage st = StorageUrls.open(storage);
    try (st) {
      StudyFile given = f;
      StudyRunner givenRunner = runner;
      StudyRunner[] joined = {runner};
      Study st2 =
          StorageRetry.call(
              err,
              "joining the study",
              () -> {
                if (givenRunner == null) {
                  StudyFile stored = StoredStudyFile.load(st, StorageUrls.describe(storage), study);
                  joined[0] = new StudyRunner(stored, seed(stored), threads, stored.seed());
                }
                Study s = joined[0].open(st);
                if (file != null) {
                  StoredStudyFile.store(st, s.id(), file, false);
                }
                return s;
              });
      int finished =
          StorageRetry.call(err, "counting the finished trials", st2::finishedTrialCount);
      err.printf(
          "worker %d joined study '%s' on %s%s: %d finished trials so far%n",
          ProcessHandle.current().pid(),
          st2.name(),
          StorageUrls.describe(storage),
          given == null ? " (with its stored study file)" : "",
          finished);
      joined[0].optimize(st2, trials, threads, 0, err);
      StorageRetry.call(
          err,
          "reading the best trial",
          () -> {
            Report.printBest(st2, spec.commandLine().getOut());
            return null;
          });
    }
    return 0;
  }

  private long seed(StudyFile f) {
    return seed != null ? seed : f.seed() + ProcessHandle.current().pid();
  }
}
