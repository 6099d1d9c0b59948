package org.hpo4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes round-trip with the real optuna-dashboard (../shared/peers): what hpo4j writes, its note
 * reader reads back, and what it writes, hpo4j reads. Runs under CI=true (fails there without the
 * peers); elsewhere it is skipped when they are missing.
 */
class NotesPeerTest {
  @TempDir Path dir;

  static Path peers() {
    String env = System.getenv("HPO4J_PEERS");
    if (env != null) {
      return Path.of(env);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("shared/peers/optuna.sh"))) {
        return p.resolve("shared/peers");
      }
    }
    return null;
  }

  private String python(String code) throws Exception {
    Path peers = peers();
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(peers != null, "no ../shared/peers here");
    }
    assertNotNull(peers, "CI needs the Python peers (shared/peers/optuna.sh, or HPO4J_PEERS)");
    Path script = dir.resolve("check.py");
    Files.writeString(
        script,
        "import sys, json\nsys.path.insert(0, "
            + Json.write(peers.resolve("optuna-dashboard").toString())
            + ")\nfrom optuna_dashboard import _note\n"
            + code);
    Process p =
        new ProcessBuilder(peers.resolve("optuna.sh").toString(), script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    String[] lines = out.trim().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void notes_writtenByHpo4j_areReadByOptunaDashboard_andBack() throws Exception {
    Storage storage = Storages.inMemory();
    Studies.plane(storage, "s", 2, 1);
    long id = storage.findStudy("s").orElseThrow();
    long trialId = storage.trials(id, null).get(1).id();
    String longNote = "## long\n" + "é".repeat(Notes.CHUNK) + "end";
    Notes.save(storage, id, null, 1, "x".repeat(3 * Notes.CHUNK));
    Notes.save(storage, id, null, 2, longNote);
    Notes.save(storage, id, trialId, 1, "trial note");
    Path attrs = dir.resolve("attrs.json");
    Files.writeString(attrs, Json.write(storage.studySystemAttrs(id)));
    JsonNode read =
        Json.mapper()
            .readTree(
                python(
                    "a = json.load(open("
                        + Json.write(attrs.toString())
                        + "))\n"
                        + "print(json.dumps([_note.get_note_from_system_attrs(a, None), _note.get_note_from_system_attrs(a, "
                        + trialId
                        + ")]))\n"));
    assertEquals(2, read.get(0).get("version").asInt());
    assertEquals(longNote, read.get(0).get("body").asText());
    assertEquals("trial note", read.get(1).get("body").asText());

    // The other way: optuna-dashboard's own splitting, read by hpo4j.
    JsonNode theirs =
        Json.mapper()
            .readTree(
                python(
                    "body = 'ü' * 5000 + '!'\n"
                        + "a = _note.split_body(body, 7)\na[_note.note_ver_key(7)] = 3\nprint(json.dumps(a))\n"));
    Map<String, Object> map = new LinkedHashMap<>();
    theirs
        .fields()
        .forEachRemaining(
            e ->
                map.put(
                    e.getKey(),
                    e.getValue().isInt() ? e.getValue().asInt() : e.getValue().asText()));
    assertEquals(new Notes.Note(3, "ü".repeat(5000) + "!"), Notes.read(map, 7L));
  }
}
