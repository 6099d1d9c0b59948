package org.hpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpo4j.ml.command.CommandFailedException;
import org.hpo4j.ml.command.CommandObjective;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.options.OptionReader;
import org.hpo4j.study.MultiObjective;

/**
 * The "tune any program" objective of the CLI: a study file's {@code objective: {command: [...],
 * timeout: 60s}} with a top-level {@code space:}, and the study text that {@code hpo run --space
 * space.yaml -- CMD ARGS...} builds in memory. That text is an ordinary study file, so it is stored
 * with the study and {@code hpo worker --study NAME} rebuilds the same command from it. The command
 * runs in the current directory, never through a shell (see {@link CommandObjective}).
 */
final class CommandStudy {
  private static final Set<String> FIELDS = Set.of("command", "timeout");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  /** The per-run limit when none is given: effectively none. */
  static final Duration NO_TIMEOUT = Duration.ofDays(365);

  private CommandStudy() {}

  /**
   * @return the objective of a study file whose objective section has {@code command}
   * @throws IllegalArgumentException naming the field and what is allowed
   */
  static MultiObjective resolve(StudyFile file) {
    OptionReader o = file.objective();
    List<String> argv;
    Duration timeout;
    try {
      o.requireOnly(FIELDS);
      argv = argv(o);
      timeout = o.has("timeout") ? duration("objective.timeout", o.get("timeout")) : NO_TIMEOUT;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.path() + ": " + e.getMessage(), e);
    }
    if (file.space() == null) {
      throw new IllegalArgumentException(
          file.path()
              + ": a command objective needs a top-level 'space', "
              + "e.g. space: {lr: {low: 1.0e-4, high: 0.1, log: true}, depth: {low: 2, high: 10}, opt: [sgd, adam]}");
    }
    CommandObjective co;
    try {
      SearchSpace space = SearchSpace.parse(file.space());
      co = new CommandObjective(argv, space, timeout, null, Map.of());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.path() + ": " + e.getMessage(), e);
    }
    requireProgram("objective.command", argv.get(0));
    int n = file.directions().size();
    MultiObjective m = co.multiObjective();
    return trial -> {
      double[] v = m.evaluate(trial);
      if (v.length != n) {
        throw new CommandFailedException(
            "the program printed "
                + v.length
                + " value(s), but the study has "
                + n
                + " direction(s) "
                + file.directions()
                + "; set 'directions' in the file (or --direction a,b)");
      }
      return v;
    };
  }

  /**
   * Checks before the first trial that the program can be started, so that a typo fails once with
   * one message instead of failing every trial.
   *
   * @throws IllegalArgumentException naming the program and where it was looked for
   */
  static void requireProgram(String field, String program) {
    if (program.contains("{")) {
      return; // a placeholder: known only per trial
    }
    if (program.contains("/")) {
      java.nio.file.Path p = java.nio.file.Path.of(program);
      if (!java.nio.file.Files.isRegularFile(p) || !java.nio.file.Files.isExecutable(p)) {
        throw new IllegalArgumentException(
            "'" + field + "': the program '" + program + "' is not an executable file");
      }
      return;
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
      java.nio.file.Path p = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program);
      if (java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + field
            + "': the program '"
            + program
            + "' was not found on the PATH"
            + " (give its path, e.g. ./train.sh, or install it)");
  }

  private static List<String> argv(OptionReader o) {
    Object c = o.get("command");
    String allowed =
        "must be a non-empty list of arguments (no shell), e.g. "
            + "[java, Train.java, --lr, \"{lr}\"], but got ";
    if (!(c instanceof List<?> list) || list.isEmpty()) {
      throw o.error("command", allowed + c);
    }
    List<String> argv = new ArrayList<>();
    for (Object a : list) {
      if (a == null || a instanceof Map<?, ?> || a instanceof List<?>) {
        throw o.error("command", allowed + c);
      }
      argv.add(a.toString());
    }
    return argv;
  }

  /**
   * Parses a per-run limit: seconds as a number, or a number with a unit ms, s, m or h ({@code
   * 90s}, {@code 5m}).
   *
   * @param field names the value in the message
   * @throws IllegalArgumentException naming the field and the allowed forms
   */
  static Duration duration(String field, Object v) {
    Matcher m = DURATION.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
    if (v == null || !m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' must be a positive duration such as 60, 90s, 500ms, 5m "
              + "or 1h, but got '"
              + v
              + "'");
    }
    double x = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        x
            * switch (unit) {
              case "ms" -> 1;
              case "m" -> 60_000;
              case "h" -> 3_600_000;
              default -> 1000;
            };
    if (millis < 1) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' must be a positive duration such as 60, 90s, 500ms, 5m "
              + "or 1h, but got '"
              + v
              + "'");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /**
   * The study-file text of {@code hpo run --space FILE -- CMD ARGS...}: the space file's entries
   * (or its {@code space:} section) under {@code space:}, the command under {@code objective:}.
   *
   * @param name the study name, or null for the space file's name
   * @param directions minimize/maximize, comma-separated for several values, or null for minimize
   * @param timeout the per-run limit as typed, or null for none
   * @throws IllegalArgumentException if the space file is missing or not a YAML mapping
   */
  @SuppressWarnings("unchecked")
  static String studyText(
      Path spaceFile,
      List<String> command,
      String name,
      String directions,
      String timeout,
      Integer trials,
      String sampler) {
    if (!Files.isRegularFile(spaceFile)) {
      throw new IllegalArgumentException("--space: file '" + spaceFile + "' does not exist");
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    Object raw;
    try {
      raw = yaml.readValue(spaceFile.toFile(), Object.class);
    } catch (IOException e) {
      String msg =
          e instanceof com.fasterxml.jackson.core.JacksonException j
              ? j.getOriginalMessage()
              : e.getMessage();
      throw new IllegalArgumentException(
          "--space: file '" + spaceFile + "' is not valid YAML: " + msg);
    }
    if (raw instanceof Map<?, ?> m && m.size() == 1 && m.get("space") instanceof Map<?, ?> inner) {
      raw = inner;
    }
    if (!(raw instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "--space: file '"
              + spaceFile
              + "' must be a YAML mapping of parameters, "
              + "e.g. lr: {low: 1.0e-4, high: 0.1, log: true}");
    }
    Map<String, Object> study = new LinkedHashMap<>();
    if (name != null) {
      study.put("name", name);
    }
    if (directions != null) {
      List<String> d = List.of(directions.split("\\s*,\\s*"));
      study.put(d.size() == 1 ? "direction" : "directions", d.size() == 1 ? d.get(0) : d);
    }
    if (trials != null) {
      study.put("trials", trials);
    }
    if (sampler != null) {
      study.put("sampler", sampler);
    }
    Map<String, Object> objective = new LinkedHashMap<>();
    objective.put("command", List.copyOf(command));
    if (timeout != null) {
      duration("--timeout", timeout);
      objective.put("timeout", timeout);
    }
    study.put("objective", objective);
    study.put("space", (Map<String, Object>) raw);
    try {
      return yaml.writeValueAsString(study);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the study of the command", e);
    }
  }
}
