package org.hpo4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.StudyDirection;

/**
 * The statements over the study tables (studies, study_directions, study_system_attributes), each
 * run on a connection the caller owns.
 *
 * <p>Stateless and thread-safe.
 */
final class StudyRows {
  private StudyRows() {}

  /**
   * @return the new study's id
   * @throws DuplicateStudyException when the name is taken
   */
  static long create(Connection c, String name, List<StudyDirection> dirs) throws SQLException {
    if (find(c, name).isPresent()) {
      throw new DuplicateStudyException(name);
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO studies (study_name) VALUES (?) RETURNING study_id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO study_directions (study_id, objective, direction) VALUES (?, ?, ?)")) {
      for (int i = 0; i < dirs.size(); i++) {
        ps.setLong(1, id);
        ps.setInt(2, i);
        ps.setString(3, dirs.get(i).name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return id;
  }

  static Optional<Long> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  static List<StudySummary> list(Connection c) throws SQLException {
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Integer> counts = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.study_id, s.study_name, "
                    + "(SELECT COUNT(*) FROM trials t WHERE t.study_id = s.study_id) FROM studies s ORDER BY s.study_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.put(rs.getLong(1), rs.getString(2));
        counts.put(rs.getLong(1), rs.getInt(3));
      }
    }
    List<StudySummary> out = new ArrayList<>();
    for (Map.Entry<Long, String> e : names.entrySet()) {
      out.add(
          new StudySummary(
              e.getKey(), e.getValue(), directions(c, e.getKey()), counts.get(e.getKey())));
    }
    return out;
  }

  /**
   * @return the directions, one per objective (Optuna's NOT_SET, which only an unfinished {@code
   *     create_study} leaves, reads as MINIMIZE)
   * @throws StorageException when there is no such study
   */
  static List<StudyDirection> directions(Connection c, long studyId) throws SQLException {
    List<StudyDirection> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String d = rs.getString(1);
          out.add(d.equals("MAXIMIZE") ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE);
        }
      }
    }
    if (out.isEmpty()) {
      throw new StorageException("no study with id " + studyId + " in this storage");
    }
    return List.copyOf(out);
  }

  /**
   * Inserts or replaces a study system attribute; @throws StorageException when there is no such
   * study
   */
  static void setAttr(Connection c, long studyId, String key, String json) throws SQLException {
    directions(c, studyId);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO study_system_attributes (study_id, \"key\", value_json) "
                + "VALUES (?, ?, ?) ON CONFLICT (study_id, \"key\") DO UPDATE SET value_json = excluded.value_json")) {
      ps.setLong(1, studyId);
      ps.setString(2, key);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  /**
   * @throws StorageException when there is no such study
   */
  static Map<String, Object> attrs(Connection c, long studyId) throws SQLException {
    directions(c, studyId);
    Map<String, Object> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT \"key\", value_json FROM study_system_attributes WHERE study_id = ? ORDER BY \"key\"")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), Json.read(rs.getString(2)));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Deletes a study with its trials and every row under them (Optuna's schema has no cascading
   * foreign keys: its ORM deletes the children).
   *
   * @return the number of studies deleted (0 or 1)
   */
  static int delete(Connection c, long studyId) throws SQLException {
    String trials = "(SELECT trial_id FROM trials WHERE study_id = " + studyId + ")";
    try (Statement s = c.createStatement()) {
      for (String t :
          new String[] {
            "trial_params",
            "trial_values",
            "trial_intermediate_values",
            "trial_user_attributes",
            "trial_system_attributes",
            "trial_heartbeats"
          }) {
        s.executeUpdate("DELETE FROM " + t + " WHERE trial_id IN " + trials);
      }
      s.executeUpdate("DELETE FROM trials WHERE study_id = " + studyId);
      for (String t :
          new String[] {"study_directions", "study_user_attributes", "study_system_attributes"}) {
        s.executeUpdate("DELETE FROM " + t + " WHERE study_id = " + studyId);
      }
      return s.executeUpdate("DELETE FROM studies WHERE study_id = " + studyId);
    }
  }
}
