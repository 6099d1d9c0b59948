package org.hpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Option(names = "--seed", description = "Override the file's seed (the sampler's, and a model's split "
      + "unless its objective section sets its own seed).")
  Long seed;

  @Option(names = "--save-best", paramLabel = "FILE", description = "For a model objective, write a study "
      + "file that re-runs only the best configuration (its space pinned to the best parameters, 1 trial).")
  Path saveBest;

  @Override
  public Integer call() {
    StudyFile f = StudyFile.read(file);
    CliChecks.positive("--trials", trials);
    CliChecks.positive("--threads", threads);
    int total = trials != null ? trials : f.trials();
    int nThreads = threads != null ? threads : f.threads();
    long s = seed != null ? seed : f.seed();
    StudyRunner runner = new StudyRunner(f, s, nThreads, s);
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
      if (runner.isModel()) {
        err.println("objective: " + runner.modelDescription());
      }
      if (remaining > 0) {
        runner.optimize(study, remaining, nThreads, finished, err);
      } else {
        err.printf("study '%s' already has %d finished trials (of %d asked)%n", study.name(), finished, total);
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      Report.printBest(study, out);
      if (runner.isModel()) {
        Report.printBestYaml(study, out);
        if (saveBest != null && !study.isMultiObjective() && study.bestTrial().isPresent()) {
          saveBest(study, s);
          out.printf("wrote %s: re-runs the best configuration (./hpo run %s)%n", saveBest, saveBest);
        }
      }
      runner.printHoldout(study, spec.commandLine().getOut());
    }
    return 0;
  }

  private void saveBest(Study study, long modelSeed) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> raw = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> objective = new LinkedHashMap<>((Map<String, Object>) raw.get("objective"));
      objective.putIfAbsent("seed", modelSeed);
      Path base = file.toAbsolutePath().getParent();
      Object dataset = objective.get("dataset");
      if (dataset instanceof String d && !Path.of(d).isAbsolute()) {
        // the way ObjectiveFactory resolved it: the working directory first, then the file's
        Path p = Files.isRegularFile(Path.of(d)) ? Path.of(d).toAbsolutePath() : base.resolve(d);
        objective.put("dataset", p.normalize().toString());
      }
      raw.put("objective", objective);
      Files.writeString(saveBest, BestParamsYaml.studyFile(raw, study.best().externalParams()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write --save-best " + saveBest, e);
    }
  }
}
