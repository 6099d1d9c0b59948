package org.hpo4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Builds {@link FrozenTrial}s from the trial tables: one query for the trial rows chosen by a
 * condition, then one per child table (params, values, intermediate values, attributes) over the
 * same condition, so reading n trials costs six queries, not 6n.
 *
 * <p>Stateless and thread-safe.
 */
final class TrialReader {
  private TrialReader() {}

  /** A trial under construction. */
  private static final class Builder {
    final long id;
    final int number;
    final TrialState state;
    final Instant start;
    final Instant complete;
    final Map<String, Double> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    final TreeMap<Integer, Double> values = new TreeMap<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    Builder(long id, int number, TrialState state, Instant start, Instant complete) {
      this.id = id;
      this.number = number;
      this.state = state;
      this.start = start;
      this.complete = complete;
    }

    FrozenTrial build() {
      return new FrozenTrial(number, id, state, params, distributions, new ArrayList<>(values.values()),
          intermediate, userAttrs, systemAttrs, start, complete);
    }
  }

  /**
   * Reads the trials of alias {@code t} matching {@code where} (SQL over {@code trials t}, with
   * {@code args} for its placeholders).
   *
   * @return the trials by number
   */
  static List<FrozenTrial> load(Connection c, String where, List<Object> args) throws SQLException {
    Map<Long, Builder> byId = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id, t.number, t.state, t.datetime_start, "
        + "t.datetime_complete FROM trials t WHERE " + where + " ORDER BY t.number")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          byId.put(id, new Builder(id, rs.getInt(2), TrialState.valueOf(rs.getString(3)), instant(rs, 4),
              instant(rs, 5)));
        }
      }
    }
    if (byId.isEmpty()) {
      return List.of();
    }
    children(c, "SELECT c.trial_id, c.name, c.value, c.distribution FROM trial_params c",
        " ORDER BY c.trial_id, c.position", where, args, byId, (b, rs) -> {
          b.params.put(rs.getString(2), dbl(rs, 3));
          b.distributions.put(rs.getString(2), Json.distribution(rs.getString(4)));
        });
    children(c, "SELECT c.trial_id, c.objective, c.value FROM trial_values c", "", where, args, byId,
        (b, rs) -> b.values.put(rs.getInt(2), dbl(rs, 3)));
    children(c, "SELECT c.trial_id, c.step, c.value FROM trial_intermediate_values c", "", where, args, byId,
        (b, rs) -> b.intermediate.put(rs.getInt(2), dbl(rs, 3)));
    children(c, "SELECT c.trial_id, c.attr_key, c.value_json FROM trial_user_attrs c", " ORDER BY c.trial_id, c.attr_key",
        where, args, byId, (b, rs) -> b.userAttrs.put(rs.getString(2), Json.read(rs.getString(3))));
    children(c, "SELECT c.trial_id, c.attr_key, c.value_json FROM trial_system_attrs c", " ORDER BY c.trial_id, c.attr_key",
        where, args, byId, (b, rs) -> b.systemAttrs.put(rs.getString(2), Json.read(rs.getString(3))));
    List<FrozenTrial> out = new ArrayList<>(byId.size());
    for (Builder b : byId.values()) {
      out.add(b.build());
    }
    return out;
  }

  /** Fills a builder from one child row. */
  private interface RowSink {
    void accept(Builder b, ResultSet rs) throws SQLException;
  }

  private static void children(Connection c, String select, String order, String where, List<Object> args,
      Map<Long, Builder> byId, RowSink sink) throws SQLException {
    String sql = byId.size() == 1
        ? select + " WHERE c.trial_id = ?" + order
        : select + " JOIN trials t ON t.trial_id = c.trial_id WHERE " + where + order;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (byId.size() == 1) {
        ps.setLong(1, byId.keySet().iterator().next());
      } else {
        bind(ps, args);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Builder b = byId.get(rs.getLong(1));
          if (b != null) { // rows of trials created after the first query are ignored
            sink.accept(b, rs);
          }
        }
      }
    }
  }

  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) a);
      }
    }
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    long ms = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  /** SQLite stores NaN as NULL; read it back as NaN. */
  private static double dbl(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }
}
