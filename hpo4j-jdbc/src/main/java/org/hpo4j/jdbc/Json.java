package org.hpo4j.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.storage.StorageException;

/**
 * JSON of attributes and distributions, as stored in text columns (Optuna's formats). Distributions
 * are few and repeated in every trial, so parsed ones are interned by their text.
 *
 * <p>Thread-safe.
 */
final class Json {
  private static final ObjectMapper MAPPER =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(
              com.fasterxml.jackson.core.json.JsonReadFeature
                  .ALLOW_NON_NUMERIC_NUMBERS) // Python writes NaN, Infinity
          .build();
  private static final Map<String, Distribution> PARSED = new ConcurrentHashMap<>();
  private static final Map<Distribution, String> WRITTEN = new ConcurrentHashMap<>();
  private static final int INTERN_LIMIT = 10_000;

  private Json() {}

  /**
   * @return the JSON text of a JSON-like value (maps, lists, strings, numbers, booleans, null)
   */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "attribute value "
              + value
              + " ("
              + value.getClass().getName()
              + ") is not JSON-like; use maps, lists, strings, numbers and booleans",
          e);
    }
  }

  /**
   * @return the value of a JSON text: LinkedHashMap, ArrayList, String, Integer/Long/Double,
   *     Boolean
   */
  static Object read(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new StorageException("corrupt JSON in storage: " + json, e);
    }
  }

  /**
   * @return Optuna's JSON of a distribution: {@code {"name": "FloatDistribution", "attributes":
   *     {"low": .., "high": .., "log": .., "step": ..}}}, IntDistribution likewise,
   *     CategoricalDistribution with {@code "choices"}
   */
  static String write(Distribution d) {
    String cached = WRITTEN.get(d);
    if (cached != null) {
      return cached;
    }
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode a = MAPPER.createObjectNode();
    if (d instanceof FloatDistribution f) {
      n.put("name", "FloatDistribution");
      a.put("low", f.low()).put("high", f.high()).put("log", f.log());
      if (f.step() == null) {
        a.putNull("step");
      } else {
        a.put("step", f.step());
      }
    } else if (d instanceof IntDistribution i) {
      n.put("name", "IntDistribution");
      a.put("low", i.low()).put("high", i.high()).put("log", i.log()).put("step", i.step());
    } else if (d instanceof CategoricalDistribution c) {
      n.put("name", "CategoricalDistribution");
      ArrayNode choices = a.putArray("choices");
      for (Object o : c.choices()) {
        choices.add(MAPPER.valueToTree(o));
      }
    }
    n.set("attributes", a);
    String s = n.toString();
    if (WRITTEN.size() < INTERN_LIMIT) {
      WRITTEN.put(d, s);
    }
    return s;
  }

  /**
   * @return the distribution of a JSON text as Optuna writes it (also its older classes Uniform,
   *     LogUniform, DiscreteUniform, IntUniform and IntLogUniform, and the abbreviated {@code
   *     {"type": "float", ...}} form that earlier hpo4j wrote)
   */
  static Distribution distribution(String json) {
    Distribution d = PARSED.get(json);
    if (d != null) {
      return d;
    }
    try {
      JsonNode n = MAPPER.readTree(json);
      d = n.has("name") ? named(n.path("name").asText(), n.path("attributes")) : abbreviated(n);
    } catch (JsonProcessingException | RuntimeException e) {
      throw e instanceof StorageException se
          ? se
          : new StorageException("corrupt distribution in storage: " + json, e);
    }
    if (d == null) {
      throw new StorageException("unknown distribution in storage: " + json);
    }
    if (PARSED.size() < INTERN_LIMIT) {
      PARSED.put(json, d);
    }
    return d;
  }

  private static Distribution named(String name, JsonNode a) throws JsonProcessingException {
    double low = a.path("low").asDouble();
    double high = a.path("high").asDouble();
    return switch (name) {
      case "FloatDistribution" ->
          new FloatDistribution(
              low,
              high,
              a.path("log").asBoolean(false),
              a.hasNonNull("step") ? a.get("step").asDouble() : null);
      case "UniformDistribution" -> new FloatDistribution(low, high, false, null);
      case "LogUniformDistribution" -> new FloatDistribution(low, high, true, null);
      case "DiscreteUniformDistribution" ->
          new FloatDistribution(low, high, false, a.get("q").asDouble());
      case "IntDistribution", "IntUniformDistribution", "IntLogUniformDistribution" ->
          new IntDistribution(
              a.path("low").asLong(),
              a.path("high").asLong(),
              a.path("log").asBoolean(name.equals("IntLogUniformDistribution")),
              a.hasNonNull("step") ? a.get("step").asLong() : 1);
      case "CategoricalDistribution" -> new CategoricalDistribution(choices(a.get("choices")));
      default -> null;
    };
  }

  private static Distribution abbreviated(JsonNode n) throws JsonProcessingException {
    return switch (n.path("type").asText()) {
      case "float" ->
          new FloatDistribution(
              n.get("low").asDouble(),
              n.get("high").asDouble(),
              n.path("log").asBoolean(false),
              n.hasNonNull("step") ? n.get("step").asDouble() : null);
      case "int" ->
          new IntDistribution(
              n.get("low").asLong(),
              n.get("high").asLong(),
              n.path("log").asBoolean(false),
              n.hasNonNull("step") ? n.get("step").asLong() : 1);
      case "categorical" -> new CategoricalDistribution(choices(n.get("choices")));
      default -> null;
    };
  }

  /**
   * Optuna allows None among categorical choices, hpo4j does not (a null choice could not be told
   * from a missing parameter), so it reads as the string {@value #NULL_CHOICE}.
   */
  private static List<Object> choices(JsonNode array) throws JsonProcessingException {
    List<Object> out = new ArrayList<>();
    for (JsonNode c : array) {
      out.add(c.isNull() ? NULL_CHOICE : MAPPER.treeToValue(c, Object.class));
    }
    return out;
  }

  /** What a None among Optuna's categorical choices reads as. */
  static final String NULL_CHOICE = "None";
}
