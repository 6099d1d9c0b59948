package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.hpo4j.storage.StorageException;
import org.hpo4j.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyExporterTest {
  @TempDir Path dir;

  private Study study(JdbcStorage storage) {
    Study s = Study.builder().name("exp").storage(storage).build();
    s.optimize(
        t -> {
          double x = t.suggestFloat("x", 0, 1);
          String opt = t.suggestCategorical("opt", List.of("adam", "sgd, momentum"));
          t.report(0, x + 1);
          t.setUserAttr("note", "a \"quoted\" note");
          return x + opt.length();
        },
        3);
    return s;
  }

  @Test
  void writeCsv_oneRowPerTrialWithQuotedCells() {
    try (JdbcStorage storage = JdbcStorage.open("sqlite:" + dir.resolve("e.db"))) {
      study(storage);
      StringWriter w = new StringWriter();
      StudyExporter.writeCsv(storage, "exp", w);
      String[] lines = w.toString().split("\n");
      assertEquals(4, lines.length);
      assertEquals(
          "number,state,value,datetime_start,datetime_complete,duration_s,params_x,params_opt,"
              + "user_attrs_note",
          lines[0]);
      assertTrue(lines[1].startsWith("0,COMPLETE,"), lines[1]);
      assertTrue(lines[1].endsWith(",\"a \"\"quoted\"\" note\""), lines[1]);
    }
  }

  @Test
  void writeJson_holdsDistributionsAndIntermediateValues() throws Exception {
    try (JdbcStorage storage = JdbcStorage.open("sqlite:" + dir.resolve("e.db"))) {
      study(storage);
      StringWriter w = new StringWriter();
      StudyExporter.writeJson(storage, "exp", w);
      JsonNode doc = new ObjectMapper().readTree(w.toString());
      assertEquals("exp", doc.get("study").asText());
      assertEquals(3, doc.get("trials").size());
      JsonNode t = doc.get("trials").get(2);
      assertEquals(
          "CategoricalDistribution", t.get("distributions").get("opt").get("name").asText());
      assertEquals(
          t.get("params").get("x").asDouble() + 1,
          t.get("intermediate_values").get("0").asDouble(),
          0.0);
    }
  }

  @Test
  void writeCsv_unknownStudy_namesIt() {
    try (JdbcStorage storage = JdbcStorage.open("sqlite:" + dir.resolve("e.db"))) {
      StorageException e =
          assertThrows(
              StorageException.class,
              () -> StudyExporter.writeCsv(storage, "nope", new StringWriter()));
      assertTrue(e.getMessage().startsWith("no study named 'nope'"), e.getMessage());
    }
  }
}
