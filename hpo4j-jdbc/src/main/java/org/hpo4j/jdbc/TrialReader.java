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
 * Builds {@link FrozenTrial}s from Optuna's trial tables: one query for the trial rows chosen by a
 * condition, then one UNION ALL over the child tables (params, values, intermediate values,
 * attributes) over the same condition, so reading n trials costs two queries, not 6n.
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
      return new FrozenTrial(
          number,
          id,
          state,
          params,
          distributions,
          new ArrayList<>(values.values()),
          intermediate,
          userAttrs,
          systemAttrs,
          start,
          complete);
    }
  }

  /**
   * Reads the trials of alias {@code t} matching {@code where} (SQL over {@code trials t}, with
   * {@code args} for its placeholders).
   *
   * @return the trials by number
   */
  static List<FrozenTrial> load(Connection c, Dialect dialect, String where, List<Object> args)
      throws SQLException {
    Map<Long, Builder> byId = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.trial_id, t.number, t.state, t.datetime_start, "
                + "t.datetime_complete FROM trials t WHERE "
                + where
                + " ORDER BY t.number")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          byId.put(
              id,
              new Builder(
                  id,
                  rs.getInt(2),
                  TrialState.valueOf(rs.getString(3)),
                  Times.read(rs, 4, dialect),
                  Times.read(rs, 5, dialect)));
        }
      }
    }
    if (byId.isEmpty()) {
      return List.of();
    }
    children(c, where, args, byId);
    List<FrozenTrial> out = new ArrayList<>(byId.size());
    for (Builder b : byId.values()) {
      out.add(b.build());
    }
    return out;
  }

  /**
   * The five child tables as one UNION ALL: kind, trial id, text key (a value's type for values),
   * int key (parameters: their id, so they come in the order they were written), value, text value.
   */
  private static final String[] BRANCHES = {
    "SELECT 0, c.trial_id, c.param_name, c.param_id, c.param_value, c.distribution_json FROM trial_params c",
    "SELECT 1, c.trial_id, CAST(c.value_type AS VARCHAR(16)), c.objective, c.value, NULL FROM trial_values c",
    "SELECT 2, c.trial_id, CAST(c.intermediate_value_type AS VARCHAR(16)), c.step, c.intermediate_value, NULL "
        + "FROM trial_intermediate_values c",
    "SELECT 3, c.trial_id, c.\"key\", 0, NULL, c.value_json FROM trial_user_attributes c",
    "SELECT 4, c.trial_id, c.\"key\", 0, NULL, c.value_json FROM trial_system_attributes c"
  };

  /**
   * Reads every child row of the chosen trials in one query (one round trip, one statement to
   * parse).
   */
  private static void children(
      Connection c, String where, List<Object> args, Map<Long, Builder> byId) throws SQLException {
    boolean single = byId.size() == 1;
    StringBuilder sql = new StringBuilder();
    for (String b : BRANCHES) {
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append(b)
          .append(
              single
                  ? " WHERE c.trial_id = ?"
                  : " JOIN trials t ON t.trial_id = c.trial_id WHERE " + where);
    }
    sql.append(" ORDER BY 1, 2, 4, 3");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (int b = 0; b < BRANCHES.length; b++) {
        if (single) {
          ps.setLong(i++, byId.keySet().iterator().next());
        } else {
          for (Object a : args) {
            bind(ps, i++, a);
          }
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Builder b = byId.get(rs.getLong(2));
          if (b == null) {
            continue; // rows of trials created after the first query
          }
          switch (rs.getInt(1)) {
            case 0 -> {
              b.params.put(rs.getString(3), dbl(rs, 5));
              b.distributions.put(rs.getString(3), Json.distribution(rs.getString(6)));
            }
            case 1 ->
                b.values.put(rs.getInt(4), StoredValues.value(number(rs, 5), rs.getString(3)));
            case 2 ->
                b.intermediate.put(
                    rs.getInt(4), StoredValues.value(number(rs, 5), rs.getString(3)));
            case 3 -> b.userAttrs.put(rs.getString(3), Json.read(rs.getString(6)));
            default -> b.systemAttrs.put(rs.getString(3), Json.read(rs.getString(6)));
          }
        }
      }
    }
  }

  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      bind(ps, i + 1, args.get(i));
    }
  }

  private static void bind(PreparedStatement ps, int index, Object a) throws SQLException {
    if (a instanceof Long l) {
      ps.setLong(index, l);
    } else if (a instanceof Integer n) {
      ps.setInt(index, n);
    } else {
      ps.setString(index, (String) a);
    }
  }

  private static Double number(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  /** SQLite stores NaN as NULL; read it back as NaN. */
  private static double dbl(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }
}
