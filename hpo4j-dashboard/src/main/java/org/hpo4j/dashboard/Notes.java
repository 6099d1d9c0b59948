package org.hpo4j.dashboard;

import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.storage.Storage;

/**
 * Notes on a study or a trial, kept where optuna-dashboard keeps them, so a note written by either
 * dashboard shows in the other once they share a storage: study system attributes holding a version
 * counter ({@code dashboard:note_ver}, or {@code dashboard:TRIAL_ID:note_ver} for a trial, by the
 * trial's storage id) and the text in chunks of at most {@link #CHUNK} characters under {@code
 * dashboard:note_str:I} ({@code dashboard:TRIAL_ID:note_str:I}); chunks left over from a longer
 * earlier note are blanked. A save must carry the stored version plus one, so two people editing
 * the same note cannot silently overwrite each other. Read and written through the Storage SPI
 * only.
 */
final class Notes {
  /** Characters per attribute, as optuna-dashboard splits them. */
  static final int CHUNK = 2045;

  /** The longest note accepted. */
  static final int MAX_LENGTH = 100_000;

  /** A note's text and version (0 when none was ever saved). */
  record Note(int version, String body) {}

  /** What a save did: whether it saved, and the note now stored. */
  record Saved(boolean saved, Note note) {}

  private Notes() {}

  static String versionKey(Long trialId) {
    return trialId == null ? "dashboard:note_ver" : "dashboard:" + trialId + ":note_ver";
  }

  static String chunkPrefix(Long trialId) {
    return trialId == null ? "dashboard:note_str:" : "dashboard:" + trialId + ":note_str:";
  }

  /**
   * @return the note of the study (trialId null) or of a trial, from the study's system attributes
   */
  static Note read(Map<String, Object> studyAttrs, Long trialId) {
    Object ver = studyAttrs.get(versionKey(trialId));
    if (ver == null) {
      return new Note(0, "");
    }
    int version = ver instanceof Number n ? n.intValue() : parseInt(String.valueOf(ver));
    String prefix = chunkPrefix(trialId);
    TreeMap<Integer, String> chunks = new TreeMap<>();
    studyAttrs.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            int i = parseInt(k.substring(prefix.length()));
            if (i >= 0) {
              chunks.put(i, String.valueOf(v));
            }
          }
        });
    StringBuilder body = new StringBuilder();
    for (int i = 0; chunks.containsKey(i); i++) {
      body.append(chunks.get(i));
    }
    return new Note(version, body.toString());
  }

  /**
   * Saves a note if {@code version} is the stored version plus one.
   *
   * @return the note now stored: the new one, or (not saved) the unchanged stored one on a version
   *     conflict
   * @throws IllegalArgumentException when the body is longer than {@link #MAX_LENGTH}
   */
  static Saved save(Storage storage, long studyId, Long trialId, int version, String body) {
    if (body.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "note body must be at most " + MAX_LENGTH + " characters, but got " + body.length());
    }
    synchronized (Notes.class) {
      Map<String, Object> attrs = storage.studySystemAttrs(studyId);
      Note stored = read(attrs, trialId);
      if (version != stored.version() + 1) {
        return new Saved(false, stored);
      }
      String prefix = chunkPrefix(trialId);
      int chunks = (body.length() + CHUNK - 1) / CHUNK;
      for (int i = 0; i < chunks; i++) {
        storage.setStudySystemAttr(
            studyId,
            prefix + i,
            body.substring(i * CHUNK, Math.min(body.length(), (i + 1) * CHUNK)));
      }
      long old = attrs.keySet().stream().filter(k -> k.startsWith(prefix)).count();
      for (int i = chunks; i < old; i++) {
        storage.setStudySystemAttr(studyId, prefix + i, "");
      }
      storage.setStudySystemAttr(studyId, versionKey(trialId), version);
      return new Saved(true, new Note(version, body));
    }
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
