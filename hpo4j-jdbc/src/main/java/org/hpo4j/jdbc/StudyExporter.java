package org.hpo4j.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Writes a stored study as CSV (one row per trial, for spreadsheets and pandas) or JSON
 * (everything, including distributions and intermediate values, for archiving). Works on any {@link
 * Storage}; behind {@code ./hpo studies export}.
 *
 * <p>CSV columns: {@code number, state, value} (or {@code values_0, values_1, ...} for several
 * objectives), {@code datetime_start, datetime_complete, duration_s}, then {@code params_NAME} in
 * user values, {@code user_attrs_KEY} and {@code system_attrs_KEY} (non-scalar values as JSON), in
 * first-seen order.
 *
 * <p>Stateless and thread-safe.
 */
public final class StudyExporter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private StudyExporter() {}

  /**
   * Writes the study named {@code name} as CSV.
   *
   * @throws StorageException when there is no such study
   * @throws UncheckedIOException when writing fails
   */
  public static void writeCsv(Storage storage, String name, Writer out) {
    long id = studyId(storage, name);
    List<StudyDirection> directions = storage.directions(id);
    List<FrozenTrial> trials = storage.trials(id, null);
    Set<String> params = new LinkedHashSet<>();
    Set<String> user = new LinkedHashSet<>();
    Set<String> system = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      params.addAll(t.internalParams().keySet());
      user.addAll(t.userAttrs().keySet());
      system.addAll(t.systemAttrs().keySet());
    }
    List<String> header = new ArrayList<>(List.of("number", "state"));
    if (directions.size() == 1) {
      header.add("value");
    } else {
      for (int i = 0; i < directions.size(); i++) {
        header.add("values_" + i);
      }
    }
    header.addAll(List.of("datetime_start", "datetime_complete", "duration_s"));
    params.forEach(p -> header.add("params_" + p));
    user.forEach(k -> header.add("user_attrs_" + k));
    system.forEach(k -> header.add("system_attrs_" + k));
    try {
      line(out, header);
      for (FrozenTrial t : trials) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), t.state().name()));
        for (int i = 0; i < directions.size(); i++) {
          row.add(i < t.values().size() ? Double.toString(t.values().get(i)) : "");
        }
        row.add(t.start() == null ? "" : t.start().toString());
        row.add(t.complete() == null ? "" : t.complete().toString());
        row.add(t.duration() == null ? "" : Double.toString(t.duration().toMillis() / 1000.0));
        Map<String, Object> external = t.params();
        params.forEach(p -> row.add(cell(external.get(p))));
        user.forEach(k -> row.add(cell(t.userAttrs().get(k))));
        system.forEach(k -> row.add(cell(t.systemAttrs().get(k))));
        line(out, row);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV export of study '" + name + "'", e);
    }
  }

  /**
   * Writes the study named {@code name} as one JSON document: name, directions, and every trial
   * with its distributions, values, intermediate values and attributes.
   *
   * @throws StorageException when there is no such study
   * @throws UncheckedIOException when writing fails
   */
  public static void writeJson(Storage storage, String name, Writer out) {
    long id = studyId(storage, name);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("study", name);
    doc.put("directions", storage.directions(id).stream().map(Enum::name).toList());
    List<Map<String, Object>> trials = new ArrayList<>();
    for (FrozenTrial t : storage.trials(id, null)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", t.number());
      m.put("state", t.state().name());
      m.put("values", t.values());
      m.put("params", t.params());
      Map<String, Object> dists = new LinkedHashMap<>();
      t.distributions().forEach((k, d) -> dists.put(k, Json.read(Json.write(d))));
      m.put("distributions", dists);
      Map<String, Double> inter = new LinkedHashMap<>();
      t.intermediateValues().forEach((k, v) -> inter.put(Integer.toString(k), v));
      m.put("intermediate_values", inter);
      m.put("user_attrs", t.userAttrs());
      m.put("system_attrs", t.systemAttrs());
      m.put("datetime_start", t.start() == null ? null : t.start().toString());
      m.put("datetime_complete", t.complete() == null ? null : t.complete().toString());
      trials.add(m);
    }
    doc.put("trials", trials);
    try {
      MAPPER.writeValue(out, doc);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON export of study '" + name + "'", e);
    }
  }

  private static long studyId(Storage storage, String name) {
    return storage
        .findStudy(name)
        .orElseThrow(
            () ->
                new StorageException(
                    "no study named '"
                        + name
                        + "' in this storage; `./hpo studies list` shows the names"));
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Map || v instanceof List) {
      return Json.write(v);
    }
    return v.toString();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        out.write('"');
        out.write(c.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(c);
      }
    }
    out.write('\n');
  }
}
