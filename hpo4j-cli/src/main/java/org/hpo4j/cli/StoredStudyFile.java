package org.hpo4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StudySummary;

/**
 * The study file kept with its study in the storage (as study system attributes): {@code hpo run}
 * stores the text it ran, so that {@code hpo worker --storage URL --study NAME} on any machine can
 * rebuild the same objective, sampler and pruner without a copy of the file. The file's absolute
 * path is kept too: a model's relative dataset paths are resolved against its directory.
 */
final class StoredStudyFile {
  static final String TEXT = "study_file";
  static final String PATH = "study_file_path";

  private StoredStudyFile() {}

  /**
   * Stores {@code file} with the study; with {@code replace} false, only when none is stored yet. A
   * storage that keeps no study attributes is left alone (its workers need the file).
   */
  static void store(Storage storage, long studyId, Path file, boolean replace) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "study file '" + file + "' cannot be read: " + e.getMessage());
    }
    store(storage, studyId, text, file, replace);
  }

  /**
   * Stores a study file's {@code text}, e.g. one built in memory for a command ({@link
   * CommandStudy#studyText}), as if read from {@code path}.
   */
  static void store(Storage storage, long studyId, String text, Path path, boolean replace) {
    try {
      if (!replace && storage.studySystemAttrs(studyId).containsKey(TEXT)) {
        return;
      }
      // A file's storage line may hold a password; the copy kept with the study never does.
      storage.setStudySystemAttr(studyId, TEXT, org.hpo4j.storage.Secrets.redact(text));
      storage.setStudySystemAttr(studyId, PATH, path.toAbsolutePath().normalize().toString());
    } catch (UnsupportedOperationException e) {
      // e.g. a storage of another module that keeps no study attributes
    }
  }

  /**
   * Keys of a study file that may change between runs of one study: the budget and where it runs.
   */
  private static final java.util.Set<String> MAY_CHANGE =
      java.util.Set.of("trials", "threads", "storage", "timeout", "name");

  /**
   * Refuses to run a study with another study file than the one it was run with (another objective,
   * space, sampler, ...), which would silently mix trials of two experiments.
   *
   * @param text the study file about to be run
   * @throws IllegalArgumentException naming the keys that changed and the way to continue anyway
   */
  static void requireUnchanged(Storage storage, long studyId, String studyName, String text) {
    Object stored;
    try {
      stored = storage.studySystemAttrs(studyId).get(TEXT);
    } catch (UnsupportedOperationException e) {
      return;
    }
    if (!(stored instanceof String old) || old.equals(text)) {
      return;
    }
    Map<String, Object> before = yaml(old);
    Map<String, Object> now = yaml(text);
    java.util.List<String> changed = new java.util.ArrayList<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(now.keySet());
    for (String k : keys) {
      if (!MAY_CHANGE.contains(k) && !java.util.Objects.equals(before.get(k), now.get(k))) {
        changed.add("'" + k + "' (stored: " + before.get(k) + ", now: " + now.get(k) + ")");
      }
    }
    if (!changed.isEmpty()) {
      throw new IllegalArgumentException(
          "study '"
              + studyName
              + "' was run with another study file: "
              + String.join(", ", changed)
              + " changed; its trials would mix with the new ones. Use --study NEW_NAME"
              + " for a new study, or --allow-changed to continue this one with the new file");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    try {
      Object v =
          new com.fasterxml.jackson.databind.ObjectMapper(
                  new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .readValue(text, Object.class);
      return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    } catch (IOException e) {
      return Map.of("(text)", text);
    }
  }

  /**
   * @return the study file stored with the study {@code name}
   * @throws IllegalArgumentException naming the study and the storage when there is no such study
   *     (listing the studies there) or it has no stored file
   */
  static StudyFile load(Storage storage, String shownUrl, String name) {
    long id =
        storage
            .findStudy(name)
            .orElseThrow(
                () -> {
                  String names =
                      storage.studies().stream()
                          .map(StudySummary::name)
                          .map(n -> "'" + n + "'")
                          .collect(Collectors.joining(", "));
                  return new IllegalArgumentException(
                      "--study: there is no study named '"
                          + name
                          + "' in storage "
                          + shownUrl
                          + (names.isEmpty()
                              ? "; it has no studies yet (start one with: hpo run STUDY.yaml --storage URL)"
                              : "; studies there: " + names));
                });
    Map<String, Object> attrs = storage.studySystemAttrs(id);
    if (!(attrs.get(TEXT) instanceof String text)) {
      throw new IllegalArgumentException(
          "--study: study '"
              + name
              + "' in storage "
              + shownUrl
              + " has no stored study file (it was not started by 'hpo run'); give the file: "
              + "hpo worker STUDY.yaml --storage URL --study "
              + name);
    }
    Object path = attrs.get(PATH);
    Path where = Path.of(path instanceof String p ? p : name + ".yaml");
    return StudyFile.parse(text, where).withName(name);
  }
}
