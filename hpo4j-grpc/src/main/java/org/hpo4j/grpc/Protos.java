package org.hpo4j.grpc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.grpc.proto.StudyDirection;
import org.hpo4j.grpc.proto.Trial;
import org.hpo4j.grpc.proto.TrialState;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;

/**
 * Between hpo4j's values and the messages of Optuna's protocol. Parameters travel as internal
 * doubles beside their distribution's JSON, attributes as JSON texts, timestamps as Optuna's naive
 * local {@code "yyyy-MM-dd HH:mm:ss.ffffff"} (this machine's zone, as Python's {@code
 * datetime.now()} gives), and a trial without values sends an empty list. Parameter order is kept:
 * protobuf-java keeps a map's insertion order on the wire and when parsing.
 *
 * <p>Stateless and thread-safe.
 */
final class Protos {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private Protos() {}

  static Trial toProto(FrozenTrial t) {
    Trial.Builder b =
        Trial.newBuilder()
            .setTrialId(t.id())
            .setNumber(t.number())
            .setState(toProto(t.state()))
            .addAllValues(t.values())
            .setDatetimeStart(time(t.start()))
            .setDatetimeComplete(time(t.complete()));
    t.internalParams().forEach(b::putParams);
    t.distributions().forEach((k, d) -> b.putDistributions(k, DistributionJson.write(d)));
    t.userAttrs().forEach((k, v) -> b.putUserAttributes(k, Json.write(v)));
    t.systemAttrs().forEach((k, v) -> b.putSystemAttributes(k, Json.write(v)));
    t.intermediateValues().forEach((k, v) -> b.putIntermediateValues(k, v));
    return b.build();
  }

  /**
   * @throws IllegalArgumentException naming the field when the message is not a valid trial
   */
  static FrozenTrial fromProto(Trial t) {
    Map<String, Distribution> dists = new LinkedHashMap<>();
    t.getDistributionsMap().forEach((k, v) -> dists.put(k, DistributionJson.read(v)));
    Map<String, Double> params = new LinkedHashMap<>();
    t.getParamsMap()
        .forEach(
            (k, v) -> {
              if (!dists.containsKey(k)) {
                throw new IllegalArgumentException(
                    "parameter '" + k + "' of trial " + t.getNumber() + " has no distribution");
              }
              params.put(k, v);
            });
    TreeMap<Integer, Double> inter = new TreeMap<>();
    t.getIntermediateValuesMap().forEach((k, v) -> inter.put(Math.toIntExact(k), v));
    return new FrozenTrial(
        Math.toIntExact(t.getNumber()),
        t.getTrialId(),
        fromProto(t.getState()),
        params,
        dists,
        new ArrayList<>(t.getValuesList()),
        inter,
        Json.readAll(t.getUserAttributesMap(), "user attribute"),
        Json.readAll(t.getSystemAttributesMap(), "system attribute"),
        instant(t.getDatetimeStart()),
        instant(t.getDatetimeComplete()));
  }

  static TrialState toProto(org.hpo4j.trial.TrialState s) {
    return switch (s) {
      case WAITING -> TrialState.WAITING;
      case RUNNING -> TrialState.RUNNING;
      case COMPLETE -> TrialState.COMPLETE;
      case PRUNED -> TrialState.PRUNED;
      case FAIL -> TrialState.FAIL;
    };
  }

  static org.hpo4j.trial.TrialState fromProto(TrialState s) {
    return switch (s) {
      case WAITING -> org.hpo4j.trial.TrialState.WAITING;
      case RUNNING -> org.hpo4j.trial.TrialState.RUNNING;
      case COMPLETE -> org.hpo4j.trial.TrialState.COMPLETE;
      case PRUNED -> org.hpo4j.trial.TrialState.PRUNED;
      case FAIL -> org.hpo4j.trial.TrialState.FAIL;
      default ->
          throw new IllegalArgumentException(
              "trial state must be one of RUNNING, COMPLETE, PRUNED, FAIL, "
                  + "WAITING, but got "
                  + s);
    };
  }

  static StudyDirection toProto(org.hpo4j.study.StudyDirection d) {
    return d == org.hpo4j.study.StudyDirection.MAXIMIZE
        ? StudyDirection.MAXIMIZE
        : StudyDirection.MINIMIZE;
  }

  static org.hpo4j.study.StudyDirection fromProto(StudyDirection d) {
    return switch (d) {
      case MINIMIZE -> org.hpo4j.study.StudyDirection.MINIMIZE;
      case MAXIMIZE -> org.hpo4j.study.StudyDirection.MAXIMIZE;
      default ->
          throw new IllegalArgumentException(
              "study direction must be MINIMIZE or MAXIMIZE, but got " + d);
    };
  }

  static List<StudyDirection> toProto(List<org.hpo4j.study.StudyDirection> dirs) {
    return dirs.stream().map(Protos::toProto).toList();
  }

  static List<org.hpo4j.study.StudyDirection> fromProtoDirections(List<StudyDirection> dirs) {
    return dirs.stream().map(Protos::fromProto).toList();
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
  }

  /**
   * @throws IllegalArgumentException when the text is not Optuna's timestamp form
   */
  static Instant instant(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(s, TIME).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp must look like 2024-01-31 23:59:59.123456, but got '" + s + "'");
    }
  }
}
