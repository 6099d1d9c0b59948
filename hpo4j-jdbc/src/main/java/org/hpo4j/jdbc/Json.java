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
 * JSON of attributes and distributions, as stored in text columns. Distributions are few and
 * repeated in every trial, so parsed ones are interned by their text.
 *
 * <p>Thread-safe.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Distribution> PARSED = new ConcurrentHashMap<>();
  private static final Map<Distribution, String> WRITTEN = new ConcurrentHashMap<>();
  private static final int INTERN_LIMIT = 10_000;

  private Json() {}

  /** @return the JSON text of a JSON-like value (maps, lists, strings, numbers, booleans, null) */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attribute value " + value + " (" + value.getClass().getName()
          + ") is not JSON-like; use maps, lists, strings, numbers and booleans", e);
    }
  }

  /** @return the value of a JSON text: LinkedHashMap, ArrayList, String, Integer/Long/Double, Boolean */
  static Object read(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new StorageException("corrupt JSON in storage: " + json, e);
    }
  }

  /** @return the JSON text of a distribution */
  static String write(Distribution d) {
    String cached = WRITTEN.get(d);
    if (cached != null) {
      return cached;
    }
    ObjectNode n = MAPPER.createObjectNode();
    if (d instanceof FloatDistribution f) {
      n.put("type", "float").put("low", f.low()).put("high", f.high()).put("log", f.log());
      if (f.step() != null) {
        n.put("step", f.step());
      }
    } else if (d instanceof IntDistribution i) {
      n.put("type", "int").put("low", i.low()).put("high", i.high()).put("log", i.log()).put("step", i.step());
    } else if (d instanceof CategoricalDistribution c) {
      n.put("type", "categorical");
      ArrayNode a = n.putArray("choices");
      for (Object o : c.choices()) {
        a.add(MAPPER.valueToTree(o));
      }
    }
    String s = n.toString();
    if (WRITTEN.size() < INTERN_LIMIT) {
      WRITTEN.put(d, s);
    }
    return s;
  }

  /** @return the distribution of a JSON text written by {@link #write(Distribution)} */
  static Distribution distribution(String json) {
    Distribution d = PARSED.get(json);
    if (d != null) {
      return d;
    }
    try {
      JsonNode n = MAPPER.readTree(json);
      d = switch (n.path("type").asText()) {
        case "float" -> new FloatDistribution(n.get("low").asDouble(), n.get("high").asDouble(),
            n.get("log").asBoolean(), n.hasNonNull("step") ? n.get("step").asDouble() : null);
        case "int" -> new IntDistribution(n.get("low").asLong(), n.get("high").asLong(),
            n.get("log").asBoolean(), n.get("step").asLong());
        case "categorical" -> {
          List<Object> choices = new ArrayList<>();
          for (JsonNode c : n.get("choices")) {
            choices.add(MAPPER.treeToValue(c, Object.class));
          }
          yield new CategoricalDistribution(choices);
        }
        default -> throw new StorageException("unknown distribution in storage: " + json);
      };
    } catch (JsonProcessingException | RuntimeException e) {
      throw e instanceof StorageException se ? se : new StorageException("corrupt distribution in storage: " + json, e);
    }
    if (PARSED.size() < INTERN_LIMIT) {
      PARSED.put(json, d);
    }
    return d;
  }
}
