package org.hpo4j.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hpo4j.grpc.proto.Param;
import org.hpo4j.grpc.proto.Trial;
import org.hpo4j.grpc.proto.TrialWrites;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * What both services of a {@link StorageServer} do to the storage beyond plain calls: the liveness
 * of the trials hpo4j clients run (a lease per trial, renewed by each heartbeat; a trial whose
 * lease is older than the grace period is failed and its parameters enqueued again, as the JDBC
 * storage does for its own workers), claiming a given WAITING trial for Optuna's clients, and the
 * protobuf form of finished trials, built once.
 *
 * <p>Trials of Optuna's Python clients get no lease (they send no heartbeats), so the server never
 * fails them. A trial this server did not create (one of an earlier server process on the same
 * database) is adopted at its first heartbeat, which is also passed on to the storage, so the
 * storage's own sweep leaves it alone.
 *
 * <p>Thread-safe.
 */
final class ServedTrials implements AutoCloseable {
  private final Storage storage;
  private final ServerOptions options;
  private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
  private final Map<Long, Long> studyOfTrial = new ConcurrentHashMap<>();
  private final Map<Long, Object> studyLocks = new ConcurrentHashMap<>();
  private final Map<Long, Built> protos = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  private static final class Lease {
    final long studyId;
    final boolean createdHere;
    volatile long lastBeat;

    Lease(long studyId, boolean createdHere, long now) {
      this.studyId = studyId;
      this.createdHere = createdHere;
      this.lastBeat = now;
    }
  }

  private record Built(FrozenTrial trial, Trial proto) {}

  /** The outcome of {@link #finishLeased}. */
  record Finish(boolean won, FrozenTrial trial) {}

  ServedTrials(Storage storage, ServerOptions options) {
    this.storage = storage;
    this.options = options;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hpo4j-grpc-sweep");
              t.setDaemon(true);
              return t;
            });
    long ms = options.heartbeatInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * @return the message of {@code t}, built once per finished snapshot
   */
  Trial proto(FrozenTrial t) {
    if (!t.state().isFinished()) {
      return Protos.toProto(t);
    }
    Built b = protos.get(t.id());
    if (b != null && b.trial == t) {
      return b.proto;
    }
    Trial p = Protos.toProto(t);
    protos.put(t.id(), new Built(t, p));
    return p;
  }

  void forgetStudy(long studyId) {
    leases.values().removeIf(l -> l.studyId == studyId);
    studyOfTrial.values().removeIf(s -> s == studyId);
  }

  // ---- Optuna's calls

  /**
   * Creates a trial from an Optuna client's template: enqueued (WAITING), running, or already
   * finished.
   */
  long createFromTemplate(long studyId, FrozenTrial template) {
    Map<String, Object> fixed = new LinkedHashMap<>();
    if (template.systemAttrs().get("fixed_params") instanceof Map<?, ?> f) {
      f.forEach((k, v) -> fixed.put(String.valueOf(k), v));
    }
    boolean waiting = template.state() == TrialState.WAITING;
    FrozenTrial t = storage.createTrial(studyId, fixed, waiting);
    studyOfTrial.put(t.id(), studyId);
    long id = t.id();
    if (!waiting) {
      template
          .internalParams()
          .forEach((k, v) -> storage.setParam(id, k, v, template.distributions().get(k)));
      template.intermediateValues().forEach((k, v) -> storage.setIntermediateValue(id, k, v));
    }
    template.userAttrs().forEach((k, v) -> storage.setUserAttr(id, k, v));
    template
        .systemAttrs()
        .forEach(
            (k, v) -> {
              if (!k.equals("fixed_params")) {
                storage.setSystemAttr(id, k, v);
              }
            });
    if (template.state().isFinished()) {
      storage.finishTrial(id, template.state(), template.values());
    }
    return id;
  }

  /**
   * Optuna's {@code SetTrialStateValues(RUNNING)}: claims the WAITING trial {@code trialId}. The
   * storage claims the oldest WAITING trial of a study, which is the one Optuna's clients ask for
   * first; should it be another (a race with a worker on the database itself), that one is failed
   * and enqueued again, so no trial is left RUNNING without a worker.
   *
   * @return false when the trial is not WAITING any more
   * @throws IllegalStateException when it is finished
   */
  boolean claim(long trialId) {
    FrozenTrial t = storage.trial(trialId);
    if (t.state().isFinished()) {
      throw new IllegalStateException(
          "trial " + t.number() + " is already finished (" + t.state() + ")");
    }
    if (t.state() != TrialState.WAITING) {
      return false;
    }
    long studyId = studyOf(trialId);
    synchronized (lock(studyId)) {
      Optional<FrozenTrial> c = storage.claimWaitingTrial(studyId);
      if (c.isEmpty()) {
        return false;
      }
      if (c.get().id() == trialId) {
        return true;
      }
      FrozenTrial other = c.get();
      if (storage.finishTrial(other.id(), TrialState.FAIL, List.of())) {
        storage.setSystemAttr(
            other.id(), "fail_reason", "claimed out of order for an Optuna client; enqueued again");
        storage.createTrial(studyId, fixedParams(other), true);
      }
      return storage.trial(trialId).state() == TrialState.WAITING && claim(trialId);
    }
  }

  /**
   * Optuna's {@code SetTrialStateValues} to a finished state.
   *
   * @throws IllegalStateException (FAILED_PRECONDITION) when the trial was not RUNNING
   */
  boolean finish(long trialId, TrialState state, List<Double> values) {
    leases.remove(trialId);
    if (!storage.finishTrial(trialId, state, values)) {
      FrozenTrial t = storage.trial(trialId);
      throw new IllegalStateException(
          "trial " + t.number() + " cannot be finished: it is " + t.state());
    }
    return true;
  }

  // ---- hpo4j's calls: leased trials

  FrozenTrial createLeased(long studyId, Map<String, Object> fixed, boolean waiting) {
    FrozenTrial t = storage.createTrial(studyId, fixed, waiting);
    studyOfTrial.put(t.id(), studyId);
    if (!waiting) {
      leases.put(t.id(), new Lease(studyId, true, now()));
    }
    return t;
  }

  Optional<FrozenTrial> claimLeased(long studyId) {
    sweep(studyId);
    Optional<FrozenTrial> c;
    synchronized (lock(studyId)) {
      c = storage.claimWaitingTrial(studyId);
    }
    c.ifPresent(
        t -> {
          studyOfTrial.put(t.id(), studyId);
          leases.put(t.id(), new Lease(studyId, true, now()));
        });
    return c;
  }

  /**
   * Writes what the worker wrote, then finishes the trial. A finish that arrives twice (the reply
   * to the first was lost to a broken connection) finds the trial in the state it asks for and
   * counts as won, so a client's retry never turns its own success into a failure.
   */
  Finish finishLeased(TrialWrites w, TrialState state, List<Double> values) {
    long id = w.getTrialId();
    try {
      apply(w);
    } catch (IllegalStateException e) {
      // finished already: the finish below reports how
    }
    boolean won = storage.finishTrial(id, state, values);
    leases.remove(id);
    FrozenTrial after = storage.trial(id);
    if (!won && after.state() == state && after.values().equals(values)) {
      won = true;
    }
    return new Finish(won, after);
  }

  /**
   * @return the trials of {@code beats} that are no longer RUNNING
   */
  List<Long> beat(List<TrialWrites> beats) {
    List<Long> gone = new ArrayList<>();
    long now = now();
    for (TrialWrites w : beats) {
      long id = w.getTrialId();
      FrozenTrial t;
      try {
        t = storage.trial(id);
      } catch (StorageException e) {
        gone.add(id);
        continue;
      }
      if (t.state() != TrialState.RUNNING) {
        leases.remove(id);
        gone.add(id);
        continue;
      }
      Lease l = leases.computeIfAbsent(id, k -> new Lease(studyOf(k), false, now));
      l.lastBeat = now;
      if (!l.createdHere) {
        storage.heartbeat(id);
      }
      try {
        apply(w);
      } catch (IllegalStateException e) {
        leases.remove(id);
        gone.add(id);
      }
    }
    return gone;
  }

  private void apply(TrialWrites w) {
    long id = w.getTrialId();
    for (Param p : w.getParamsList()) {
      storage.setParam(
          id, p.getName(), p.getInternal(), DistributionJson.read(p.getDistribution()));
    }
    w.getIntermediateValuesMap()
        .forEach((k, v) -> storage.setIntermediateValue(id, Math.toIntExact(k), v));
    w.getUserAttributesMap()
        .forEach((k, v) -> storage.setUserAttr(id, k, Json.read(v, "user attribute '" + k + "'")));
    w.getSystemAttributesMap()
        .forEach(
            (k, v) -> storage.setSystemAttr(id, k, Json.read(v, "system attribute '" + k + "'")));
  }

  // ---- the sweep

  private void sweepQuietly() {
    try {
      sweep(null);
    } catch (RuntimeException e) {
      options.log().accept("stale-trial sweep failed, will retry: " + e.getMessage());
    }
  }

  /**
   * Fails the leased trials (of one study, or all when null) whose lease is older than the grace
   * period.
   */
  void sweep(Long studyId) {
    long cutoff = now() - options.gracePeriod().toMillis();
    for (Map.Entry<Long, Lease> e : leases.entrySet()) {
      Lease l = e.getValue();
      if ((studyId == null || l.studyId == studyId)
          && l.lastBeat < cutoff
          && leases.remove(e.getKey(), l)) {
        failStale(e.getKey(), l.studyId);
      }
    }
  }

  private void failStale(long id, long studyId) {
    FrozenTrial before = storage.trial(id);
    if (before.state() != TrialState.RUNNING
        || !storage.finishTrial(id, TrialState.FAIL, List.of())) {
      return;
    }
    storage.setSystemAttr(
        id,
        "fail_reason",
        "its worker stopped sending heartbeats (none for longer than the "
            + "grace period of "
            + options.gracePeriod().toSeconds()
            + " s)");
    List<Object> history = new ArrayList<>();
    if (before.systemAttrs().get("retry_history") instanceof List<?> h) {
      history.addAll(h);
    }
    String retried = "";
    if (history.size() < options.maxRetries()) {
      history.add(before.number());
      FrozenTrial r = storage.createTrial(studyId, fixedParams(before), true);
      studyOfTrial.put(r.id(), studyId);
      storage.setSystemAttr(r.id(), "retry_of", before.number());
      storage.setSystemAttr(r.id(), "retry_history", history);
      retried = "; its parameters are enqueued again as trial " + r.number();
    }
    options
        .log()
        .accept(
            "trial "
                + before.number()
                + " of study "
                + studyId
                + " failed: no heartbeat for "
                + options.gracePeriod().toSeconds()
                + " s"
                + retried);
  }

  private static Map<String, Object> fixedParams(FrozenTrial t) {
    Map<String, Object> fixed = new LinkedHashMap<>();
    if (t.systemAttrs().get("fixed_params") instanceof Map<?, ?> f) {
      f.forEach((k, v) -> fixed.put(String.valueOf(k), v));
    }
    fixed.putAll(t.params());
    return fixed;
  }

  private long studyOf(long trialId) {
    Long s = studyOfTrial.get(trialId);
    if (s != null) {
      return s;
    }
    for (StudySummary st : storage.studies()) {
      for (FrozenTrial t : storage.trials(st.id(), null)) {
        studyOfTrial.putIfAbsent(t.id(), st.id());
      }
    }
    s = studyOfTrial.get(trialId);
    if (s == null) {
      throw new StorageException("no trial with id " + trialId + " in this storage");
    }
    return s;
  }

  private Object lock(long studyId) {
    return studyLocks.computeIfAbsent(studyId, k -> new Object());
  }

  private long now() {
    return options.clock().millis();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
