package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  static final String XSS = "<script>alert(1)</script>";
  private static final Pattern DATA =
      Pattern.compile(
          "<script id=\"hpo-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void write_study_isOneSelfContainedFileWithTheData() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.onlyX0Matters(storage, "quad", 30, 1);
    Path out = dir.resolve("sub/report.html");
    Report.write(storage, "quad", out);
    String html = Files.readString(out, StandardCharsets.UTF_8);

    // Nothing is loaded from anywhere: no script src, no stylesheet link, no remote import.
    Matcher refs =
        Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html);
    assertFalse(refs.find(), () -> "external reference: " + refs.group());
    assertFalse(Pattern.compile("(?i)@import|url\\(\\s*['\"]?https?:").matcher(html).find());
    assertFalse(Pattern.compile("(?i)<link\\b").matcher(html).find());
    assertFalse(Pattern.compile("(?i)<script[^>]*\\bsrc\\s*=").matcher(html).find());
    assertTrue(html.contains("echarts"), "ECharts must be inlined");
    assertTrue(html.length() > 900_000, "the inlined library is missing: " + html.length());

    JsonNode data = data(html);
    assertEquals("quad", data.get("name").asText());
    assertEquals(30, data.get("objectives").get(0).get("history").get("points").size());
    assertEquals(
        "x0",
        data.get("objectives")
            .get(0)
            .get("importance")
            .get("entries")
            .get(0)
            .get("param")
            .asText());
    assertEquals(30, data.get("trials").size());
    assertEquals(6, data.get("contours").size());
  }

  @Test
  void write_hostileNames_areEscapedInTheEmbeddedJson() throws Exception {
    Storage storage = Storages.inMemory();
    Study s = Study.builder().name(XSS).storage(storage).build();
    for (int i = 0; i < 5; i++) {
      Trial t = s.ask();
      double x = t.suggestFloat("</script><img src=x onerror=alert(2)>", 0, 1);
      t.suggestCategorical("c", java.util.List.of("<b>bold</b>", "a&b"));
      t.setUserAttr("note", "</script><script>alert(3)</script>\u2028");
      s.tell(t, x);
    }
    String html =
        Report.html(StudyData.of(storage, XSS, GpViewSource.none(), java.time.Instant.now()));
    // The name occurs nowhere as markup: the only <script> elements are the page's own three.
    Matcher m = Pattern.compile("(?i)<script").matcher(html);
    int scripts = 0;
    while (m.find()) {
      scripts++;
    }
    assertEquals(4, scripts, "hpo-data, echarts, the plots and the page script");
    assertFalse(html.contains("alert(1)</script>"));
    assertFalse(html.contains("<img src=x"));
    assertFalse(html.contains("<b>bold"));
    assertFalse(html.contains("\u2028"));
    // ... and comes back intact as data, for the page to show as text.
    JsonNode data = data(html);
    assertEquals(XSS, data.get("name").asText());
    assertEquals(
        "</script><script>alert(3)</script>\u2028",
        data.get("trials").get(0).get("userAttrs").get("note").asText());
    assertEquals(
        "<b>bold</b>",
        data.get("objectives")
            .get(0)
            .get("slice")
            .get("panels")
            .get(1)
            .get("axis")
            .get("categories")
            .get(0)
            .asText());
  }

  @Test
  void write_multiObjective_hasParetoAndNoGp() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.twoObjectives(storage, "mo", 20, 2);
    JsonNode data =
        data(
            Report.html(StudyData.of(storage, "mo", GpViewSource.none(), java.time.Instant.now())));
    assertEquals(20, data.get("pareto").get("points").size());
    assertTrue(data.get("pareto").get("hypervolume").size() >= 1);
    assertEquals(0, data.get("gp").size());
    assertTrue(data.get("gpNote").asText().contains("several objectives"));
  }

  @Test
  void write_emptyAndAllFailedStudies_stillRender() throws Exception {
    Storage storage = Storages.inMemory();
    Study.builder().name("empty").storage(storage).build();
    JsonNode empty =
        data(
            Report.html(
                StudyData.of(storage, "empty", GpViewSource.none(), java.time.Instant.now())));
    assertEquals(0, empty.get("objectives").get(0).get("history").get("points").size());
    assertEquals(0, empty.get("contours").size());
    Study failing = Study.builder().name("failing").storage(storage).build();
    failing.optimize(
        t -> {
          t.suggestFloat("x", 0, 1);
          throw new IllegalStateException("boom");
        },
        3);
    JsonNode failed =
        data(
            Report.html(
                StudyData.of(storage, "failing", GpViewSource.none(), java.time.Instant.now())));
    assertEquals(3, failed.get("counts").get("FAIL").asInt());
    assertEquals(3, failed.get("timeline").get("bars").size());
    assertEquals(0, failed.get("objectives").get(0).get("importance").get("entries").size());
  }

  @Test
  void write_unknownStudy_throwsNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Report.write(Storages.inMemory(), "missing", dir.resolve("r.html")));
    assertTrue(e.getMessage().contains("'missing'"));
  }

  static JsonNode data(String html) throws Exception {
    Matcher m = DATA.matcher(html);
    assertTrue(m.find(), "no embedded data");
    return Json.mapper().readTree(m.group(1));
  }
}
