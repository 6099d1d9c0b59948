package org.hpo4j.ml.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protocol between hpo4j and a tuned program's standard output:
 *
 * <ul>
 *   <li>a line {@code intermediate STEP VALUE} reports an intermediate value (e.g. per epoch);
 *   <li>the last non-empty line is the result: a number ({@code 0.973}), or a JSON object {@code
 *       {"value": 0.973}} / {@code {"values": [0.97, 12000]}}, optionally with {@code
 *       "intermediate": {"1": 0.8, "2": 0.9}}.
 * </ul>
 *
 * Any other line is the program's own output and is ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class CommandOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandOutput() {}

  /** A parsed result line. */
  public record Result(double[] values, Map<Integer, Double> intermediate) {}

  /**
   * Parses an {@code intermediate STEP VALUE} line.
   *
   * @return the step and value, or empty if the line is not of that form
   * @throws IllegalArgumentException if the line starts with {@code intermediate} but is malformed
   */
  public static Optional<Map.Entry<Integer, Double>> intermediate(String line) {
    String t = line.strip();
    if (!t.startsWith("intermediate ") && !t.equals("intermediate")) {
      return Optional.empty();
    }
    String[] parts = t.split("\\s+");
    try {
      if (parts.length != 3) {
        throw new NumberFormatException();
      }
      int step = Integer.parseInt(parts[1]);
      double value = finite(Double.parseDouble(parts[2]));
      if (step < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(Map.entry(step, value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an intermediate line must read 'intermediate STEP VALUE' with an integer STEP >= 0 "
              + "and a finite VALUE, but got '"
              + t
              + "'");
    }
  }

  /**
   * Parses the result line.
   *
   * @throws IllegalArgumentException quoting the line if it is neither a finite number nor a JSON
   *     object with {@code value} or {@code values}
   */
  public static Result result(String line) {
    String t = line == null ? "" : line.strip();
    String rule =
        "the last line of stdout must be a number or a JSON object with \"value\" or "
            + "\"values\", but got '"
            + abbreviate(t)
            + "'";
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the program printed nothing; " + rule);
    }
    if (!t.startsWith("{")) {
      try {
        return new Result(new double[] {finite(Double.parseDouble(t))}, Map.of());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(rule);
      }
    }
    try {
      JsonNode node = JSON.readTree(t);
      List<Double> values = new ArrayList<>();
      if (node.has("value") && node.get("value").isNumber()) {
        values.add(node.get("value").asDouble());
      } else if (node.has("values") && node.get("values").isArray()) {
        for (JsonNode v : node.get("values")) {
          if (!v.isNumber()) {
            throw new IllegalArgumentException(rule);
          }
          values.add(v.asDouble());
        }
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException(rule);
      }
      Map<Integer, Double> inter = new TreeMap<>();
      JsonNode im = node.get("intermediate");
      if (im != null && im.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = im.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          inter.put(Integer.parseInt(e.getKey()), finite(e.getValue().asDouble()));
        }
      }
      double[] out = new double[values.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = finite(values.get(i));
      }
      return new Result(out, inter);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
      throw new IllegalArgumentException(rule);
    }
  }

  private static double finite(double v) {
    if (!Double.isFinite(v)) {
      throw new NumberFormatException("not finite");
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
