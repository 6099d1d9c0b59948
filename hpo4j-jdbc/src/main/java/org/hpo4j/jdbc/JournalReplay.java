package org.hpo4j.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.StorageException;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The state a journal's operations build, replayed as Optuna replays them: study ids count the
 * created studies, trial ids count the trials of every study, a trial's number counts the trials of
 * its study before it; an operation on a missing study or (except attributes, see below) on a
 * finished trial changes nothing, so the first finish of a trial wins. Op codes, Optuna's {@code
 * JournalOperation}: 0 create study, 1 delete study, 2/3 study user/system attribute, 4 create
 * trial, 5 parameter, 6 state and values, 7 intermediate value, 8/9 trial user/system attribute.
 * States are Optuna's numbers (RUNNING 0, COMPLETE 1, PRUNED 2, FAIL 3, WAITING 4), directions too
 * (MINIMIZE 1, MAXIMIZE 2).
 *
 * <p>One difference: an attribute written to a finished trial is kept here (hpo4j's storages allow
 * it), where Optuna ignores it.
 *
 * <p>Not thread-safe: {@link JournalStorage} serialises its calls.
 */
final class JournalReplay {
  static final TrialState[] STATES = {
    TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.WAITING
  };

  /** A study as replayed. */
  static final class Study {
    final long id;
    final String name;
    final List<StudyDirection> directions;
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final List<Long> trialIds = new ArrayList<>();

    /** How many of its trials are WAITING, so that a worker need not look when none is. */
    int waiting;

    Study(long id, String name, List<StudyDirection> directions) {
      this.id = id;
      this.name = name;
      this.directions = directions;
    }
  }

  /** A trial as replayed; {@link #frozen()} caches its snapshot until it changes. */
  static final class Trial {
    final long id;
    final long studyId;
    final int number;
    TrialState state;
    final Map<String, Double> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    List<Double> values = List.of();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    Instant start;
    Instant complete;
    private FrozenTrial frozen;

    Trial(long id, long studyId, int number) {
      this.id = id;
      this.studyId = studyId;
      this.number = number;
    }

    FrozenTrial frozen() {
      if (frozen == null) {
        frozen =
            new FrozenTrial(
                number,
                id,
                state,
                params,
                distributions,
                values,
                intermediate,
                userAttrs,
                systemAttrs,
                start,
                complete);
      }
      return frozen;
    }

    void changed() {
      frozen = null;
    }
  }

  final Map<Long, Study> studies = new LinkedHashMap<>();
  final List<Trial> trials = new ArrayList<>();
  private long nextStudyId;

  /**
   * Applies one operation.
   *
   * @throws StorageException naming the line when the operation is malformed
   */
  void apply(JsonNode op, long line, String file) {
    try {
      switch (op.path("op_code").asInt(-1)) {
        case 0 -> createStudy(op);
        case 1 -> studies.remove(op.path("study_id").asLong());
        case 2 -> studyAttr(op, "user_attr", true);
        case 3 -> studyAttr(op, "system_attr", false);
        case 4 -> createTrial(op);
        case 5 -> param(op);
        case 6 -> stateValues(op);
        case 7 -> intermediate(op);
        case 8 -> trialAttr(op, "user_attr", true);
        case 9 -> trialAttr(op, "system_attr", false);
        default -> throw new IllegalArgumentException("unknown op_code " + op.path("op_code"));
      }
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot read journal "
              + file
              + ": line "
              + line
              + " is not an operation hpo4j knows ("
              + e.getMessage()
              + "); nothing was changed, the lines after it are kept",
          e);
    }
  }

  /**
   * @return the study of that name, or null
   */
  Study find(String name) {
    for (Study s : studies.values()) {
      if (s.name.equals(name)) {
        return s;
      }
    }
    return null;
  }

  private void createStudy(JsonNode op) {
    String name = op.get("study_name").asText();
    if (find(name) != null) {
      return;
    }
    List<StudyDirection> dirs = new ArrayList<>();
    for (JsonNode d : op.get("directions")) {
      dirs.add(d.asInt() == 2 ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE);
    }
    long id = nextStudyId++;
    studies.put(id, new Study(id, name, List.copyOf(dirs)));
  }

  private void studyAttr(JsonNode op, String field, boolean user) {
    Study s = studies.get(op.path("study_id").asLong());
    if (s != null) {
      putAll(op.get(field), user ? s.userAttrs : s.systemAttrs);
    }
  }

  private void createTrial(JsonNode op) {
    Study s = studies.get(op.path("study_id").asLong());
    if (s == null) {
      return;
    }
    Trial t = new Trial(trials.size(), s.id, s.trialIds.size());
    t.state = STATES[op.path("state").asInt(0)];
    t.start = time(op.get("datetime_start"));
    t.complete = time(op.get("datetime_complete"));
    JsonNode dists = op.path("distributions");
    JsonNode params = op.path("params");
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      t.distributions.put(k, Json.distribution(dists.get(k).asText()));
      t.params.put(k, number(params.get(k)));
    }
    if (op.hasNonNull("values")) {
      t.values = numbers(op.get("values"));
    } else if (op.hasNonNull("value")) {
      t.values = List.of(number(op.get("value")));
    }
    JsonNode inter = op.path("intermediate_values");
    for (Iterator<String> it = inter.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      t.intermediate.put(Integer.parseInt(k), number(inter.get(k)));
    }
    putAll(op.get("user_attrs"), t.userAttrs);
    putAll(op.get("system_attrs"), t.systemAttrs);
    trials.add(t);
    s.trialIds.add(t.id);
    if (t.state == TrialState.WAITING) {
      s.waiting++;
    }
  }

  /** Op 4 of a RUNNING trial with nothing set yet (what a worker creates). */
  void createRunning(long studyId, Instant start) {
    Study s = studies.get(studyId);
    if (s == null) {
      return;
    }
    Trial t = new Trial(trials.size(), s.id, s.trialIds.size());
    t.state = TrialState.RUNNING;
    t.start = start;
    trials.add(t);
    s.trialIds.add(t.id);
  }

  /**
   * @return Optuna's number of a state
   */
  static int code(TrialState state) {
    for (int i = 0; i < STATES.length; i++) {
      if (STATES[i] == state) {
        return i;
      }
    }
    throw new IllegalArgumentException("no journal code for state " + state);
  }

  private Trial updatable(long id) {
    if (id < 0 || id >= trials.size()) {
      return null;
    }
    Trial t = trials.get((int) id);
    return t.state.isFinished() ? null : t;
  }

  private void param(JsonNode op) {
    param(
        op.path("trial_id").asLong(-1),
        op.get("param_name").asText(),
        number(op.get("param_value_internal")),
        Json.distribution(op.get("distribution").asText()));
  }

  /** Op 5. */
  void param(long trialId, String name, double internal, Distribution distribution) {
    Trial t = updatable(trialId);
    if (t != null) {
      t.distributions.put(name, distribution);
      t.params.put(name, internal);
      t.changed();
    }
  }

  private void stateValues(JsonNode op) {
    TrialState state = STATES[op.get("state").asInt()];
    stateValues(
        op.path("trial_id").asLong(-1),
        state,
        op.hasNonNull("values") ? numbers(op.get("values")) : null,
        state == TrialState.RUNNING ? time(op.get("datetime_start")) : null,
        state.isFinished() ? time(op.get("datetime_complete")) : null);
  }

  /**
   * Op 6: {@code values} null leaves them; {@code start} is read for RUNNING, {@code complete} when
   * finished.
   */
  void stateValues(
      long trialId, TrialState state, List<Double> values, Instant start, Instant complete) {
    Trial t = updatable(trialId);
    if (t == null) {
      return;
    }
    if (state == TrialState.RUNNING && t.state == TrialState.RUNNING) {
      return; // claimed by another worker first
    }
    if (t.state == TrialState.WAITING
        && state != TrialState.WAITING
        && studies.get(t.studyId) != null) {
      studies.get(t.studyId).waiting--;
    }
    if (state == TrialState.RUNNING) {
      t.start = start;
    }
    if (state.isFinished()) {
      t.complete = complete;
    }
    t.state = state;
    if (values != null) {
      t.values = values;
    }
    t.changed();
  }

  private void intermediate(JsonNode op) {
    intermediate(
        op.path("trial_id").asLong(-1),
        op.get("step").asInt(),
        number(op.get("intermediate_value")));
  }

  /** Op 7. */
  void intermediate(long trialId, int step, double value) {
    Trial t = updatable(trialId);
    if (t != null) {
      t.intermediate.put(step, value);
      t.changed();
    }
  }

  private void trialAttr(JsonNode op, String field, boolean user) {
    long id = op.path("trial_id").asLong(-1);
    if (id >= 0 && id < trials.size()) {
      Trial t = trials.get((int) id);
      putAll(op.get(field), user ? t.userAttrs : t.systemAttrs);
      t.changed();
    }
  }

  private static void putAll(JsonNode attrs, Map<String, Object> into) {
    if (attrs == null || attrs.isNull()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.put(e.getKey(), Json.read(e.getValue().toString()));
    }
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static List<Double> numbers(JsonNode a) {
    List<Double> out = new ArrayList<>();
    for (JsonNode n : a) {
      out.add(number(n));
    }
    return List.copyOf(out);
  }

  /**
   * Optuna writes aware ISO-8601 times ({@code 2026-01-01T12:00:00.000000+00:00}); naive ones read
   * as UTC.
   */
  static Instant time(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return JournalTime.parse(n.asText());
  }
}
