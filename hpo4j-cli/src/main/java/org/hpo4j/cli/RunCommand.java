package org.hpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hpo4j.storage.Storage;
import org.hpo4j.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpo run STUDY.yaml}: runs (or resumes) the study a file describes, with a progress bar,
 * and prints the best trial. The file's {@code trials} is the study's total: running the same
 * command again after a crash completes it. {@code hpo run --space space.yaml -- CMD ARGS...} tunes
 * any program instead: it builds the equivalent study file in memory ({@link CommandStudy}).
 */
@Command(
    name = "run",
    description =
        "Run or resume the study described by a YAML file, or tune a program: "
            + "hpo run --space space.yaml -- java Train.java --lr {lr}")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "STUDY.yaml | -- CMD ARGS",
      description =
          "The study file; or, after --, a program to tune: its arguments' {name} placeholders are "
              + "replaced by the parameters of --space (never through a shell), and the last line it prints is the "
              + "value (a number, or JSON with several values).")
  List<String> args = new ArrayList<>();

  Path file;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description =
          "With a command: the parameters to tune, e.g. "
              + "lr: {low: 1.0e-4, high: 0.1, log: true}")
  Path space;

  @Option(
      names = "--direction",
      description =
          "With a command: minimize (default) or maximize; "
              + "comma-separated when it prints several values.")
  String direction;

  @Option(
      names = "--timeout",
      description =
          "With a command: the limit of one run, e.g. 60s or 5m "
              + "(a run killed at the limit fails its trial; default: none).")
  String timeout;

  @Option(names = "--sampler", description = "With a command: the sampler (default: tpe).")
  String sampler;

  @Option(
      names = "--study",
      description = "Study name (default: the file's name, or the --space file's).")
  String studyName;

  @Option(
      names = "--storage",
      description =
          "Storage URL: memory, sqlite:PATH or postgresql://user:pw@host:port/db "
              + "(default: the file's 'storage', else "
              + StorageUrls.DEFAULT
              + ").")
  String storage;

  @Option(names = "--trials", description = "Override the file's total number of trials.")
  Integer trials;

  @Option(names = "--threads", description = "Override the file's number of threads.")
  Integer threads;

  @Option(
      names = "--seed",
      description =
          "Override the file's seed (the sampler's, and a model's split "
              + "unless its objective section sets its own seed).")
  Long seed;

  @Option(
      names = "--allow-changed",
      description =
          "Continue a stored study even though its study file "
              + "(objective, space, sampler, ...) changed since it was run; its old and new trials then mix.")
  boolean allowChanged;

  @Option(
      names = "--save-best",
      paramLabel = "FILE",
      description =
          "For a model objective, write a study "
              + "file that re-runs only the best configuration (its space pinned to the best parameters, 1 trial).")
  Path saveBest;

  @Override
  public Integer call() {
    List<String> command = command();
    String commandText = null;
    StudyFile f;
    if (command.isEmpty()) {
      f = StudyFile.read(file);
    } else {
      commandText =
          CommandStudy.studyText(space, command, studyName, direction, timeout, trials, sampler);
      f = StudyFile.parse(commandText, space);
    }
    if (studyName != null) {
      f = f.withName(studyName);
    }
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
      String text = commandText != null ? commandText : readText(file);
      if (!allowChanged) {
        StoredStudyFile.requireUnchanged(st, study.id(), study.name(), text);
      }
      // so that workers can join without the file
      if (commandText != null) {
        StoredStudyFile.store(st, study.id(), commandText, space, true);
      } else {
        StoredStudyFile.store(st, study.id(), file, true);
      }
      int finished = study.finishedTrialCount();
      int remaining = total - finished;
      err.printf(
          "study '%s': %s, sampler %s, storage %s%s%n",
          study.name(),
          f.directions(),
          runner.samplerName(),
          StorageUrls.describe(url),
          finished > 0 ? ", resuming with " + finished + " finished trials" : "");
      if (runner.isModel()) {
        err.println("objective: " + runner.modelDescription());
      }
      if (remaining > 0) {
        runner.optimize(study, remaining, nThreads, finished, err);
      } else {
        err.printf(
            "study '%s' already has %d finished trials (of %d asked)%n",
            study.name(), finished, total);
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      Report.printBest(study, out);
      if (runner.isModel()) {
        Report.printBestYaml(study, out);
        if (saveBest != null && !study.isMultiObjective() && study.bestTrial().isPresent()) {
          saveBest(study, s);
          out.printf(
              "wrote %s: re-runs the best configuration (./hpo run %s)%n", saveBest, saveBest);
        }
      }
      runner.printHoldout(study, spec.commandLine().getOut());
    }
    return 0;
  }

  /**
   * Splits the positional arguments into the study file and the command after {@code --}.
   *
   * @return the command, empty when a study file is given (then {@link #file} is set)
   * @throws IllegalArgumentException unless exactly one of a study file or a command is given
   */
  private List<String> command() {
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    int dash = original.indexOf("--");
    int after = dash < 0 ? 0 : original.size() - dash - 1;
    List<String> before = args.subList(0, args.size() - after);
    List<String> command = List.copyOf(args.subList(args.size() - after, args.size()));
    String usage =
        "give a study file (hpo run STUDY.yaml) or a program after -- "
            + "(hpo run --space space.yaml -- java Train.java --lr {lr})";
    if (before.size() > 1) {
      throw new IllegalArgumentException(
          "one study file expected, but got " + before + "; " + usage);
    }
    if (!before.isEmpty() && !command.isEmpty()) {
      throw new IllegalArgumentException(
          "give either a study file or a command after --, not both; " + usage);
    }
    if (before.isEmpty() && command.isEmpty()) {
      throw new IllegalArgumentException(
          (dash >= 0 ? "no command after --; " : "no study file; ") + usage);
    }
    if (command.isEmpty()) {
      String[] commandOnly = {
        "--space",
        space == null ? null : "x",
        "--direction",
        direction,
        "--timeout",
        timeout,
        "--sampler",
        sampler
      };
      for (int i = 0; i < commandOnly.length; i += 2) {
        if (commandOnly[i + 1] != null) {
          throw new IllegalArgumentException(
              commandOnly[i]
                  + " applies only to a command after --; "
                  + "with a study file, set it in the file");
        }
      }
      file = Path.of(before.get(0));
    } else if (space == null) {
      throw new IllegalArgumentException(
          "--space FILE is required with a command: it declares the parameters "
              + "that the command's {name} placeholders use, e.g. lr: {low: 1.0e-4, high: 0.1, log: true}");
    }
    return command;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "study file '" + file + "' cannot be read: " + e.getMessage());
    }
  }

  private void saveBest(Study study, long modelSeed) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> raw =
          new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> objective =
          new LinkedHashMap<>((Map<String, Object>) raw.get("objective"));
      objective.putIfAbsent("seed", modelSeed);
      Path base = file.toAbsolutePath().getParent();
      Object dataset = objective.get("dataset");
      if (dataset instanceof String d && !Path.of(d).isAbsolute()) {
        // the way ObjectiveFactory resolved it: the working directory first, then the file's
        Path p = Files.isRegularFile(Path.of(d)) ? Path.of(d).toAbsolutePath() : base.resolve(d);
        objective.put("dataset", p.normalize().toString());
      }
      raw.put("objective", objective);
      Files.writeString(saveBest, BestParamsYaml.studyFile(raw, study.best().params()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write --save-best " + saveBest, e);
    }
  }
}
