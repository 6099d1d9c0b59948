package org.hpo4j.grpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hpo4j.grpc.proto.Param;
import org.hpo4j.grpc.proto.TrialWrites;
import org.hpo4j.space.Distribution;
import org.hpo4j.trial.FrozenTrial;

/**
 * A RUNNING trial this client runs against an hpo4j server, and everything written to it: kept here
 * and sent with the next heartbeat and, all of it again, with the finish, so that one call finishes
 * a trial and a finish after a server restart still carries every parameter (repeating a write is
 * harmless: parameters and attributes are replaced, an intermediate step keeps its first value).
 * Readers in this process see the writes at once; other workers after the next heartbeat.
 *
 * <p>Thread-safe (guarded by this).
 */
final class OwnedTrial {
  final long studyId;
  final FrozenTrial base;
  private final Map<String, Double> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();
  private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
  private int version;
  private int beaten;
  boolean finished;
  boolean lost;

  OwnedTrial(long studyId, FrozenTrial base) {
    this.studyId = studyId;
    this.base = base;
  }

  synchronized void setParam(String name, double internal, Distribution d) {
    requireRunning();
    params.put(name, internal);
    distributions.put(name, d);
    version++;
  }

  synchronized void setIntermediate(int step, double value) {
    requireRunning();
    if (!base.intermediateValues().containsKey(step)
        && intermediate.putIfAbsent(step, value) == null) {
      version++;
    }
  }

  /**
   * @return false when finished (the write then goes to the server directly)
   */
  synchronized boolean setAttr(boolean user, String key, Object value) {
    if (finished) {
      return false;
    }
    (user ? userAttrs : systemAttrs).put(key, value);
    version++;
    return true;
  }

  private void requireRunning() {
    if (finished) {
      throw new IllegalStateException(
          "trial "
              + base.number()
              + " is finished; its parameters and "
              + "intermediate values can no longer change");
    }
  }

  /**
   * @return the base snapshot with this client's writes
   */
  synchronized FrozenTrial view() {
    Map<String, Double> p = new LinkedHashMap<>(base.internalParams());
    p.putAll(params);
    Map<String, Distribution> d = new LinkedHashMap<>(base.distributions());
    d.putAll(distributions);
    TreeMap<Integer, Double> iv = new TreeMap<>(base.intermediateValues());
    iv.putAll(intermediate);
    Map<String, Object> ua = new LinkedHashMap<>(base.userAttrs());
    ua.putAll(userAttrs);
    Map<String, Object> sa = new LinkedHashMap<>(base.systemAttrs());
    sa.putAll(systemAttrs);
    return new FrozenTrial(
        base.number(),
        base.id(),
        base.state(),
        p,
        d,
        base.values(),
        iv,
        ua,
        sa,
        base.start(),
        base.complete());
  }

  /**
   * @return every write, or only the trial's id when nothing changed since the last beat and not
   *     {@code all}
   */
  synchronized TrialWrites writes(boolean all) {
    TrialWrites.Builder b = TrialWrites.newBuilder().setTrialId(base.id());
    if (!all && version == beaten) {
      return b.build();
    }
    params.forEach(
        (k, v) ->
            b.addParams(
                Param.newBuilder()
                    .setName(k)
                    .setInternal(v)
                    .setDistribution(DistributionJson.write(distributions.get(k)))));
    intermediate.forEach((k, v) -> b.putIntermediateValues(k, v));
    userAttrs.forEach((k, v) -> b.putUserAttributes(k, Json.write(v)));
    systemAttrs.forEach((k, v) -> b.putSystemAttributes(k, Json.write(v)));
    return b.build();
  }

  /**
   * @return the version a heartbeat about to be sent carries
   */
  synchronized int version() {
    return version;
  }

  /** Records that the writes up to {@code v} reached the server. */
  synchronized void beaten(int v) {
    beaten = Math.max(beaten, v);
  }

  /**
   * @return whether this call moved it to finished (false when it already was)
   */
  synchronized boolean markFinished() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }
}
