package org.hpo4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.study.StudyDirection;

/**
 * A study described in YAML: what {@code hpo run FILE} and {@code hpo worker} read.
 *
 * <pre>
 * name: branin-tpe          # study name (default: the file name)
 * direction: minimize       # or directions: [maximize, minimize]
 * trials: 100               # total trials of the study; a resumed study runs the rest
 * threads: 1
 * seed: 0
 * timeout: 600              # seconds, optional
 * storage: sqlite:hpo.db    # optional; --storage overrides
 * sampler: tpe              # or {type: tpe, n_startup_trials: 5}
 * pruner: none              # or {type: median, ...}
 * objective: {function: branin}   # or {model: xgboost, dataset: ...}
 *                                 # or {command: [java, Train.java, --lr, "{lr}"], timeout: 60s}
 * space: {lr: {low: 1.0e-4, high: 0.1, log: true}}   # only with a command (see SearchSpace.parse)
 * </pre>
 *
 * @param path the file
 * @param name study name
 * @param directions one per objective
 * @param trials total trials wanted
 * @param threads parallel threads in this process
 * @param seed sampler seed
 * @param timeout stop starting trials after this, or null
 * @param storage storage URL, or null for the default
 * @param sampler sampler type and options
 * @param pruner pruner type and options
 * @param objective the objective section, as written
 * @param directionsGiven whether the file named the directions (else a model's own metric decides)
 * @param space the free-form search space of a command objective, as written, or null
 */
record StudyFile(
    Path path,
    String name,
    List<StudyDirection> directions,
    int trials,
    int threads,
    long seed,
    Duration timeout,
    String storage,
    TypedSection sampler,
    TypedSection pruner,
    OptionReader objective,
    boolean directionsGiven,
    Map<String, Object> space) {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "direction",
          "directions",
          "trials",
          "threads",
          "seed",
          "timeout",
          "storage",
          "sampler",
          "pruner",
          "objective",
          "description",
          "space");

  /**
   * @throws IllegalArgumentException naming the file, the field and what is allowed
   */
  static StudyFile read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("study file '" + path + "' does not exist");
    }
    try {
      return parse(Files.readString(path), path);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "study file '" + path + "' cannot be read: " + e.getMessage());
    }
  }

  /**
   * Parses a study file's text, e.g. the copy that {@code hpo run} stores with the study.
   *
   * @param path where the text came from: names it in messages, and relative dataset paths are
   *     resolved against its directory
   * @throws IllegalArgumentException naming the file, the field and what is allowed
   */
  @SuppressWarnings("unchecked")
  static StudyFile parse(String text, Path path) {
    Object root;
    try {
      root = YamlTree.read(text); // aliases expanded, unlike Jackson's own mapping
    } catch (IOException e) {
      String msg =
          e instanceof com.fasterxml.jackson.core.JacksonException j
              ? j.getOriginalMessage()
              : e.getMessage();
      throw new IllegalArgumentException("study file '" + path + "' is not valid YAML: " + msg);
    }
    if (!(root instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "study file '" + path + "' must be a YAML mapping of fields");
    }
    try {
      return parse(OptionReader.at("", (Map<String, Object>) root), path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static StudyFile parse(OptionReader c, Path path) {
    c.requireOnly(FIELDS);
    String fileName = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    List<StudyDirection> directions = new ArrayList<>();
    if (c.has("directions")) {
      if (c.has("direction")) {
        throw new IllegalArgumentException("give either 'direction' or 'directions', not both");
      }
      Object d = c.get("directions");
      if (!(d instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalArgumentException(
            "'directions' must be a non-empty list of minimize/maximize, but got " + d);
      }
      for (Object o : list) {
        directions.add(direction(c, "directions", String.valueOf(o)));
      }
    } else {
      directions.add(direction(c, "direction", c.string("direction", "minimize")));
    }
    if (!c.has("objective")) {
      throw new IllegalArgumentException(
          "'objective' is required, e.g. objective: {function: branin}");
    }
    long timeout = c.integer("timeout", 0, 0, Integer.MAX_VALUE);
    return new StudyFile(
        path,
        c.string("name", fileName),
        List.copyOf(directions),
        (int) c.integer("trials", 100, 1, 10_000_000),
        (int) c.integer("threads", 1, 1, 1024),
        c.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE),
        timeout == 0 ? null : Duration.ofSeconds(timeout),
        c.string("storage", null),
        typed(c, "sampler", "tpe"),
        typed(c, "pruner", "none"),
        c.child("objective"),
        c.has("direction") || c.has("directions"),
        c.has("space") ? c.map("space") : null);
  }

  private static StudyDirection direction(OptionReader c, String field, String value) {
    try {
      return StudyDirection.parse(value);
    } catch (IllegalArgumentException e) {
      throw c.error(field, e.getMessage());
    }
  }

  /**
   * A section written either as a bare name ({@code sampler: tpe}) or as {@code {type: tpe, ...}}
   * (options beside the type, or under {@code options}): the type and the options.
   */
  private static TypedSection typed(OptionReader c, String key, String fallbackType) {
    Object v = c.get(key);
    if (v == null) {
      return new TypedSection(fallbackType, Map.of());
    }
    if (v instanceof String s) {
      return new TypedSection(s, Map.of());
    }
    if (!(v instanceof Map<?, ?>)) {
      throw c.error(key, "must be a name or a mapping with 'type', but got " + v);
    }
    OptionReader section = c.child(key);
    Map<String, Object> options = new LinkedHashMap<>(section.raw());
    options.remove("type");
    options.remove("options");
    if (!(section.get("type") instanceof String type)) {
      throw section.error("type", "is required and must be a name, but got " + section.get("type"));
    }
    options.putAll(section.map("options"));
    return new TypedSection(type, options);
  }

  /** A named choice (a sampler, a pruner) with its options. */
  record TypedSection(String type, Map<String, Object> options) {}

  /**
   * @return this file with another study name
   */
  StudyFile withName(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new IllegalArgumentException("--study must be a non-empty name");
    }
    return new StudyFile(
        path,
        newName,
        directions,
        trials,
        threads,
        seed,
        timeout,
        storage,
        sampler,
        pruner,
        objective,
        directionsGiven,
        space);
  }

  /**
   * @return this file with the directions an objective decided
   */
  StudyFile withDirections(List<StudyDirection> newDirections) {
    return new StudyFile(
        path,
        name,
        List.copyOf(newDirections),
        trials,
        threads,
        seed,
        timeout,
        storage,
        sampler,
        pruner,
        objective,
        true,
        space);
  }
}
