package org.hpo4j.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.TrialState;

/**
 * One operation this process appends to a journal: its line and, since the process that wrote a
 * line need not read it back, what replaying it does. The operations of every trial (creation,
 * parameters, intermediate values, finish) are written by hand in the compact form Python's {@code
 * json.dumps(separators=(",", ":"))} gives them and replayed from their fields; the rare ones
 * (studies, attributes, waiting trials) are Jackson trees, replayed as any line read.
 */
interface JournalOp {
  /**
   * @return the JSON text, without its newline
   */
  String line();

  /** Replays it as the operation at line {@code line} of {@code file} (for messages). */
  void applyTo(JournalReplay replay, long line, String file);

  /** Any operation, as a tree. */
  record Tree(ObjectNode node) implements JournalOp {
    @Override
    public String line() {
      return node.toString();
    }

    @Override
    public void applyTo(JournalReplay replay, long line, String file) {
      replay.apply(node, line, file);
    }
  }

  /** Op 4 for a RUNNING trial with nothing set yet. */
  record CreateRunning(String worker, long studyId, Instant start) implements JournalOp {
    public CreateRunning {
      start = start.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String line() {
      return new Line(4, worker)
          .number("study_id", studyId)
          .string("datetime_start", JournalTime.format(start))
          .end();
    }

    @Override
    public void applyTo(JournalReplay replay, long line, String file) {
      replay.createRunning(studyId, start);
    }
  }

  /** Op 5: a parameter's internal value and its distribution. */
  record Param(String worker, long trialId, String name, double internal, Distribution distribution)
      implements JournalOp {
    /** The distribution's JSON as a JSON string (escaped), per distribution: a study has few. */
    private static final Map<Distribution, String> QUOTED = new ConcurrentHashMap<>();

    @Override
    public String line() {
      String quoted = QUOTED.get(distribution);
      if (quoted == null) {
        quoted = Line.quote(Json.write(distribution));
        if (QUOTED.size() < 10_000) {
          QUOTED.put(distribution, quoted);
        }
      }
      return new Line(5, worker)
          .number("trial_id", trialId)
          .string("param_name", name)
          .number("param_value_internal", internal)
          .raw("distribution", quoted)
          .end();
    }

    @Override
    public void applyTo(JournalReplay replay, long line, String file) {
      replay.param(trialId, name, internal, distribution);
    }
  }

  /** Op 6 finishing a trial: COMPLETE, PRUNED or FAIL with its values (none: null). */
  record Finish(
      String worker, long trialId, TrialState state, List<Double> values, Instant complete)
      implements JournalOp {
    public Finish {
      complete = complete.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String line() {
      Line l =
          new Line(6, worker)
              .number("trial_id", trialId)
              .number("state", JournalReplay.code(state));
      if (values.isEmpty()) {
        l.raw("values", "null");
      } else {
        l.numbers("values", values);
      }
      return l.string("datetime_complete", JournalTime.format(complete)).end();
    }

    @Override
    public void applyTo(JournalReplay replay, long line, String file) {
      replay.stateValues(trialId, state, values.isEmpty() ? null : values, null, complete);
    }
  }

  /** Op 7: an intermediate value. */
  record Intermediate(String worker, long trialId, int step, double value) implements JournalOp {
    @Override
    public String line() {
      return new Line(7, worker)
          .number("trial_id", trialId)
          .number("step", step)
          .number("intermediate_value", value)
          .end();
    }

    @Override
    public void applyTo(JournalReplay replay, long line, String file) {
      replay.intermediate(trialId, step, value);
    }
  }

  /**
   * A JSON object of one line, written field by field. Doubles as Java writes them, which JSON and
   * Python read back to the same double, and NaN and infinities as Python's json writes them
   * ({@code NaN}, {@code Infinity}, {@code -Infinity}).
   */
  final class Line {
    private final StringBuilder sb = new StringBuilder(256);

    Line(int opCode, String worker) {
      sb.append("{\"op_code\":").append(opCode);
      string("worker_id", worker);
    }

    Line number(String key, long v) {
      key(key).append(v);
      return this;
    }

    Line number(String key, double v) {
      key(key).append(v);
      return this;
    }

    Line numbers(String key, List<Double> vs) {
      StringBuilder b = key(key).append('[');
      for (int i = 0; i < vs.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(vs.get(i).doubleValue());
      }
      b.append(']');
      return this;
    }

    Line string(String key, String v) {
      quote(key(key), v);
      return this;
    }

    /** A value already in JSON. */
    Line raw(String key, String json) {
      key(key).append(json);
      return this;
    }

    String end() {
      return sb.append('}').toString();
    }

    private StringBuilder key(String key) {
      return sb.append(",\"").append(key).append("\":"); // keys are constants without escapes
    }

    static String quote(String s) {
      return quote(new StringBuilder(s.length() + 16), s).toString();
    }

    /** Appends a JSON string: quotes, backslashes and control characters escaped. */
    static StringBuilder quote(StringBuilder b, String s) {
      b.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x2028 || c == 0x2029) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"');
    }
  }
}
