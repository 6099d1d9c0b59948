package org.hpo4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hpo4j.study.StudyDirection;

/**
 * The fields of a study file (the format {@code hpo run} reads) that a Spark run uses: name,
 * direction(s), trials, threads (the default parallelism), seed, storage, sampler, pruner and a
 * model objective ({@code objective: {model: xgboost|cnn, ...}}, see hpo4j-ml's ObjectiveFactory).
 *
 * @param path the file
 * @param name the study name
 * @param directions the directions, or empty to take the model metric's
 * @param trials total trials of the study
 * @param threads trials at once
 * @param seed the sampler's seed
 * @param storage the storage URL, or null
 * @param sampler the sampler's type and options ({@code type} key)
 * @param pruner the pruner's type and options ({@code type} key)
 * @param objective the objective section
 */
record StudyFileSpec(
    Path path,
    String name,
    List<StudyDirection> directions,
    int trials,
    int threads,
    long seed,
    String storage,
    Map<String, Object> sampler,
    Map<String, Object> pruner,
    Map<String, Object> objective) {

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
          "description");

  /**
   * @throws IllegalArgumentException naming the file, the field and what is allowed
   */
  @SuppressWarnings("unchecked")
  static StudyFileSpec read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("study file '" + path + "' does not exist");
    }
    Object root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(path), Object.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "study file '" + path + "' is not readable YAML: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "study file '" + path + "' must be a YAML mapping of fields");
    }
    Map<String, Object> m = (Map<String, Object>) root;
    for (String k : m.keySet()) {
      if (!FIELDS.contains(k)) {
        throw new IllegalArgumentException(
            path + ": unknown field '" + k + "'; allowed: " + new TreeSet<>(FIELDS));
      }
    }
    if (!(m.get("objective") instanceof Map<?, ?> objective) || !objective.containsKey("model")) {
      throw new IllegalArgumentException(
          path
              + ": 'objective' must be a model objective on Spark, e.g. "
              + "objective: {model: xgboost, dataset: data.csv}; function and command objectives run with ./hpo");
    }
    List<StudyDirection> directions = new ArrayList<>();
    Object d = m.containsKey("directions") ? m.get("directions") : m.get("direction");
    if (d instanceof List<?> l) {
      l.forEach(x -> directions.add(direction(path, x)));
    } else if (d != null) {
      directions.add(direction(path, d));
    }
    String file = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return new StudyFileSpec(
        path,
        String.valueOf(m.getOrDefault("name", file)),
        List.copyOf(directions),
        integer(path, m, "trials", 100),
        integer(path, m, "threads", 0),
        integer(path, m, "seed", 0),
        m.get("storage") == null ? null : m.get("storage").toString(),
        typed(m.get("sampler"), "tpe"),
        typed(m.get("pruner"), "none"),
        (Map<String, Object>) objective);
  }

  private static StudyDirection direction(Path path, Object value) {
    try {
      return StudyDirection.parse(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": 'direction' " + e.getMessage());
    }
  }

  private static int integer(Path path, Map<String, Object> m, String key, int dflt) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < 0
        || n.longValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          path + ": '" + key + "' must be a non-negative integer, but got " + v);
    }
    return n.intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> typed(Object v, String dflt) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> map) {
      out.putAll((Map<String, Object>) map);
    } else {
      out.put("type", v == null ? dflt : v.toString());
    }
    return out;
  }
}
