package org.hpo4j.grpc;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Distributions in the JSON of Optuna's {@code distribution_to_json}: {@code {"name":
 * "FloatDistribution", "attributes": {...}}}, the form Optuna's clients send and expect. Reading
 * also takes Optuna's older class names (UniformDistribution, IntUniformDistribution, ...). A study
 * repeats a few distributions in every trial, so both directions are interned.
 *
 * <p>Thread-safe.
 */
final class DistributionJson {
  private static final Map<String, Distribution> PARSED = new ConcurrentHashMap<>();
  private static final Map<Distribution, String> WRITTEN = new ConcurrentHashMap<>();
  private static final int INTERN_LIMIT = 10_000;

  private DistributionJson() {}

  static String write(Distribution d) {
    String s = WRITTEN.get(d);
    if (s != null) {
      return s;
    }
    ObjectNode n = Json.MAPPER.createObjectNode();
    ObjectNode a = Json.MAPPER.createObjectNode();
    if (d instanceof FloatDistribution f) {
      n.put("name", "FloatDistribution");
      if (f.step() == null) {
        a.putNull("step");
      } else {
        a.put("step", f.step());
      }
      a.put("low", f.low()).put("high", f.high()).put("log", f.log());
    } else if (d instanceof IntDistribution i) {
      n.put("name", "IntDistribution");
      a.put("log", i.log()).put("step", i.step()).put("low", i.low()).put("high", i.high());
    } else if (d instanceof CategoricalDistribution c) {
      n.put("name", "CategoricalDistribution");
      ArrayNode choices = a.putArray("choices");
      for (Object o : c.choices()) {
        choices.add(Json.MAPPER.valueToTree(o));
      }
    }
    n.set("attributes", a);
    s = n.toString();
    if (WRITTEN.size() < INTERN_LIMIT) {
      WRITTEN.put(d, s);
    }
    return s;
  }

  /**
   * @throws IllegalArgumentException naming the text when it is no distribution hpo4j knows
   */
  static Distribution read(String json) {
    Distribution d = PARSED.get(json);
    if (d != null) {
      return d;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      JsonNode a = n.path("attributes");
      String name = n.path("name").asText("");
      d =
          switch (name) {
            case "FloatDistribution" ->
                new FloatDistribution(
                    a.get("low").asDouble(),
                    a.get("high").asDouble(),
                    a.path("log").asBoolean(false),
                    a.hasNonNull("step") ? a.get("step").asDouble() : null);
            case "UniformDistribution" ->
                new FloatDistribution(a.get("low").asDouble(), a.get("high").asDouble());
            case "LogUniformDistribution" ->
                new FloatDistribution(
                    a.get("low").asDouble(), a.get("high").asDouble(), true, null);
            case "DiscreteUniformDistribution" ->
                new FloatDistribution(
                    a.get("low").asDouble(),
                    a.get("high").asDouble(),
                    false,
                    a.get("q").asDouble());
            case "IntDistribution" ->
                new IntDistribution(
                    a.get("low").asLong(),
                    a.get("high").asLong(),
                    a.path("log").asBoolean(false),
                    a.path("step").asLong(1));
            case "IntUniformDistribution" ->
                new IntDistribution(
                    a.get("low").asLong(), a.get("high").asLong(), false, a.path("step").asLong(1));
            case "IntLogUniformDistribution" ->
                new IntDistribution(a.get("low").asLong(), a.get("high").asLong(), true, 1);
            case "CategoricalDistribution" -> {
              List<Object> choices = new ArrayList<>();
              for (JsonNode c : a.get("choices")) {
                choices.add(Json.MAPPER.treeToValue(c, Object.class));
              }
              yield new CategoricalDistribution(choices);
            }
            default -> throw new IllegalArgumentException("unknown distribution '" + name + "'");
          };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "distribution " + Json.abbreviate(json) + " is not valid: " + e.getMessage());
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "distribution must be Optuna's distribution JSON, but got '"
              + Json.abbreviate(json)
              + "'");
    }
    if (PARSED.size() < INTERN_LIMIT) {
      PARSED.put(json, d);
    }
    return d;
  }
}
