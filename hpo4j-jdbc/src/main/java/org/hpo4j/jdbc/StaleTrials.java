package org.hpo4j.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.hpo4j.trial.FrozenTrial;

/**
 * The sweep that fails RUNNING trials whose worker stopped beating and, when retries are allowed,
 * enqueues their parameters again. Whoever notices first wins: the failing update re-checks the
 * beat, so a trial whose worker beat in the meantime is left alone, and two sweepers never both
 * fail (or retry) one trial.
 *
 * <p>Only trials with a heartbeat row are candidates, as for Optuna's own sweep: a trial of an
 * Optuna worker that runs without heartbeats is never failed here.
 *
 * <p>System attributes written: {@code fail_reason} on the failed trial; {@code retry_of} (the
 * failed trial's number), {@code retry_history} (the chain of numbers, oldest first) and {@code
 * fixed_params} on the retry.
 */
final class StaleTrials {
  private StaleTrials() {}

  static List<FrozenTrial> sweep(
      Database db,
      long studyId,
      JdbcOptions options,
      LongPredicate ownedHere,
      LongFunction<FrozenTrial> reader) {
    long now = options.clock().millis();
    long cutoff = now - options.gracePeriod().toMillis();
    List<Long> stale =
        db.read(
            "looking for stale trials",
            c -> {
              List<Long> ids = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT t.trial_id FROM trials t "
                          + "JOIN trial_heartbeats h ON h.trial_id = t.trial_id "
                          + "WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat < ? ORDER BY t.number")) {
                ps.setLong(1, studyId);
                Times.bind(ps, 2, db.dialect, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                }
              }
              return ids;
            });
    List<FrozenTrial> failed = new ArrayList<>();
    for (long id : stale) {
      if (ownedHere.test(id)) {
        continue; // this process beats for it, so its worker is alive (its clock may be stopped in
        // tests)
      }
      FrozenTrial before = reader.apply(id);
      String reason =
          "its worker stopped sending heartbeats (none for longer than the grace period of "
              + options.gracePeriod().toSeconds()
              + " s)";
      boolean won =
          db.write(
              "failing a stale trial",
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE trials SET state = 'FAIL', datetime_complete = ? "
                            + "WHERE trial_id = ? AND state = 'RUNNING' AND NOT EXISTS "
                            + "(SELECT 1 FROM trial_heartbeats h WHERE h.trial_id = ? AND h.heartbeat >= ?)")) {
                  Times.bind(ps, 1, db.dialect, now);
                  ps.setLong(2, id);
                  ps.setLong(3, id);
                  Times.bind(ps, 4, db.dialect, cutoff);
                  if (ps.executeUpdate() == 0) {
                    return false;
                  }
                }
                TrialWrites.upsertAttr(c, false, id, "fail_reason", Json.write(reason));
                List<Object> history = new ArrayList<>();
                if (before.systemAttrs().get("retry_history") instanceof List<?> h) {
                  history.addAll(h);
                }
                if (history.size() < options.maxRetries()) {
                  history.add(before.number());
                  Map<String, Object> fixed = new LinkedHashMap<>();
                  if (before.systemAttrs().get("fixed_params") instanceof Map<?, ?> f) {
                    f.forEach((k, v) -> fixed.put(String.valueOf(k), v));
                  }
                  fixed.putAll(before.params());
                  TrialWrites.insertTrial(
                      c,
                      db.dialect,
                      studyId,
                      fixed,
                      true,
                      Map.of("retry_of", before.number(), "retry_history", history),
                      now);
                }
                return true;
              });
      if (won) {
        failed.add(reader.apply(id));
      }
    }
    return failed;
  }
}
