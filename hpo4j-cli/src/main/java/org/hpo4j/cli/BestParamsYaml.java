package org.hpo4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The best parameters as YAML that a study file takes back: under {@code objective.space} of a
 * model objective a fixed value pins a parameter, so the block printed here re-runs exactly the
 * best configuration. Values keep full precision (the table rounds; this must not).
 */
final class BestParamsYaml {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private BestParamsYaml() {}

  /** {@code space:} followed by one {@code name: value} line per parameter, in suggestion order. */
  static String spaceBlock(Map<String, Object> params) {
    return write(Map.of("space", new LinkedHashMap<>(params)));
  }

  /**
   * A study file that re-evaluates one configuration: {@code study} (the file as read) with {@code
   * name} suffixed {@code -best}, one trial, and {@code objective.space} pinned to {@code params}.
   */
  static String studyFile(Map<String, Object> study, Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>(study);
    out.put("name", study.getOrDefault("name", "study") + "-best");
    out.put("trials", 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> objective =
        new LinkedHashMap<>((Map<String, Object>) study.get("objective"));
    objective.put("space", new LinkedHashMap<>(params));
    out.put("objective", objective);
    return write(out);
  }

  private static String write(Object o) {
    try {
      return YAML.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
