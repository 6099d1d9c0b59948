package org.hpo4j.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON texts of attribute values, as Optuna's messages carry them ({@code json.dumps} of the
 * value): NaN and infinities are written bare, as Python writes and reads them.
 *
 * <p>Thread-safe.
 */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

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
   * @throws IllegalArgumentException naming {@code what} when the text is not JSON
   */
  static Object read(String json, String what) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          what + " must be a JSON text, but got '" + abbreviate(json) + "'");
    }
  }

  /**
   * @return each value of {@code map} as JSON text, in the map's order
   */
  static Map<String, String> writeAll(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, write(v)));
    return out;
  }

  /**
   * @return each JSON text of {@code map} read back, in the map's order
   */
  static Map<String, Object> readAll(Map<String, String> map, String what) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, read(v, what + " '" + k + "'")));
    return out;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
