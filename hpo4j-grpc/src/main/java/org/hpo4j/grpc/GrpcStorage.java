package org.hpo4j.grpc;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireNonNull;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.grpc.proto.*;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A {@link Storage} on a gRPC storage server: {@code hpo serve} (or any {@link StorageServer}), or
 * Optuna's own {@code run_grpc_proxy_server}. Against an hpo4j server a trial costs two calls
 * (start, and a finish that carries everything written to it), the trials this client runs beat
 * through the server (which fails and retries those of a dead worker), and the first call says
 * which server it is; against Optuna's server only Optuna's calls are used, one per write, without
 * liveness. Either way the study's history is cached here and re-read incrementally ({@link
 * StudyTrials}), and every call is retried with backoff while the server is unreachable (a
 * restart), then fails with one message naming the server ({@link Connection}).
 *
 * <p>Thread-safe. Open with {@code Storages.open("grpc://host:port")}.
 */
public final class GrpcStorage implements Storage {
  /**
   * grpc-java logs every failed connection attempt with a stack trace; this storage reports them
   * itself in one line, so gRPC's own logger is kept to SEVERE unless the application set a level.
   */
  static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

  static {
    if (GRPC_LOG.getLevel() == null) {
      GRPC_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  private final Connection conn;
  private final boolean hpo4j;
  private final Map<Long, StudyTrials> caches = new ConcurrentHashMap<>();
  private final Map<Long, List<StudyDirection>> directions = new ConcurrentHashMap<>();
  final Map<Long, OwnedTrial> owned = new ConcurrentHashMap<>();

  /**
   * Trials this client just finished, as the server returned them: read back at once by {@code
   * tell}.
   */
  private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();

  private final ClientHeartbeats heartbeats;

  private GrpcStorage(Connection conn, HelloReply hello) {
    this.conn = conn;
    this.hpo4j = hello != null;
    this.heartbeats =
        hpo4j
            ? new ClientHeartbeats(
                this, conn, Duration.ofMillis(Math.max(50, hello.getHeartbeatIntervalMs())))
            : null;
  }

  /**
   * Connects to the server of a {@code grpc://host:port[?options]} URL (see {@link GrpcUrl}),
   * waiting up to {@code connect_timeout} for it to answer.
   *
   * @throws IllegalArgumentException when the URL is malformed
   * @throws StorageException naming the server when it cannot be reached or refuses this client
   */
  public static GrpcStorage open(String url) {
    Connection c = new Connection(GrpcUrl.parse(url.trim()));
    try {
      HelloReply hello;
      if (c.url.optunaOnly()) {
        c.optuna(
            "connecting", true, s -> s.getAllStudies(GetAllStudiesRequest.getDefaultInstance()));
        return new GrpcStorage(c, null);
      }
      try {
        hello =
            c.hpo4j(
                "connecting",
                true,
                s -> s.hello(HelloRequest.newBuilder().setClient("hpo4j").build()));
      } catch (UnsupportedOperationException e) {
        hello = null; // Optuna's server: its calls only
        c.optuna(
            "connecting", true, s -> s.getAllStudies(GetAllStudiesRequest.getDefaultInstance()));
      }
      return new GrpcStorage(c, hello);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * @return whether the server is an hpo4j one (liveness, one call per trial) rather than Optuna's
   */
  public boolean isHpo4jServer() {
    return hpo4j;
  }

  /**
   * @return host:port of the server
   */
  public String target() {
    return conn.url.target();
  }

  @Override
  public long createStudy(String name, List<StudyDirection> dirs) {
    requireArgument(
        name != null && !name.isBlank(), "study name must be non-empty, but got '%s'", name);
    requireArgument(
        dirs != null && !dirs.isEmpty(), "a study needs at least one direction, but got %s", dirs);
    try {
      return conn.optuna(
              "creating study '" + name + "'",
              false,
              s ->
                  s.createNewStudy(
                      CreateNewStudyRequest.newBuilder()
                          .setStudyName(name)
                          .addAllDirections(Protos.toProto(dirs))
                          .build()))
          .getStudyId();
    } catch (StorageException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        throw new DuplicateStudyException(name);
      }
      throw e;
    }
  }

  @Override
  public Optional<Long> findStudy(String name) {
    try {
      return Optional.of(
          conn.optuna(
                  "finding study '" + name + "'",
                  true,
                  s ->
                      s.getStudyIdFromName(
                          GetStudyIdFromNameRequest.newBuilder().setStudyName(name).build()))
              .getStudyId());
    } catch (StorageException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<StudySummary> studies() {
    List<StudySummary> out = new ArrayList<>();
    if (hpo4j) {
      for (StudyInfo i :
          conn.hpo4j(
                  "listing studies",
                  true,
                  s -> s.listStudies(ListStudiesRequest.getDefaultInstance()))
              .getStudiesList()) {
        out.add(
            new StudySummary(
                i.getStudyId(),
                i.getStudyName(),
                Protos.fromProtoDirections(i.getDirectionsList()),
                i.getTrialCount()));
      }
      return out;
    }
    for (org.hpo4j.grpc.proto.Study st :
        conn.optuna(
                "listing studies",
                true,
                s -> s.getAllStudies(GetAllStudiesRequest.getDefaultInstance()))
            .getStudiesList()) {
      int n =
          conn.optuna(
                  "counting trials",
                  true,
                  s ->
                      s.getTrials(
                          GetTrialsRequest.newBuilder()
                              .setStudyId(st.getStudyId())
                              .setTrialIdGreaterThan(-1)
                              .build()))
              .getTrialsCount();
      out.add(
          new StudySummary(
              st.getStudyId(),
              st.getStudyName(),
              Protos.fromProtoDirections(st.getDirectionsList()),
              n));
    }
    return out;
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    List<StudyDirection> d = directions.get(studyId);
    if (d == null) {
      d =
          Protos.fromProtoDirections(
              conn.optuna(
                      "reading directions",
                      true,
                      s ->
                          s.getStudyDirections(
                              GetStudyDirectionsRequest.newBuilder().setStudyId(studyId).build()))
                  .getDirectionsList());
      directions.put(studyId, d);
    }
    return d;
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    requireNonNull(key, "key");
    String json = Json.write(value);
    conn.optuna(
        "writing study attribute '" + key + "'",
        true,
        s ->
            s.setStudySystemAttribute(
                SetStudySystemAttributeRequest.newBuilder()
                    .setStudyId(studyId)
                    .setKey(key)
                    .setValue(json)
                    .build()));
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return Json.readAll(
        conn.optuna(
                "reading study attributes",
                true,
                s ->
                    s.getStudySystemAttributes(
                        GetStudySystemAttributesRequest.newBuilder().setStudyId(studyId).build()))
            .getSystemAttributesMap(),
        "study attribute");
  }

  @Override
  public void deleteStudy(long studyId) {
    conn.optuna(
        "deleting study " + studyId,
        true,
        s -> s.deleteStudy(DeleteStudyRequest.newBuilder().setStudyId(studyId).build()));
    caches.remove(studyId);
    directions.remove(studyId);
    finished.clear();
    owned.values().removeIf(o -> o.studyId == studyId);
  }

  @Override
  public FrozenTrial createTrial(long studyId, Map<String, Object> fixedParams, boolean waiting) {
    requireNonNull(fixedParams, "fixedParams");
    String fixed = fixedParams.isEmpty() ? "" : Json.write(fixedParams);
    FrozenTrial t;
    if (hpo4j) {
      t =
          Protos.fromProto(
              conn.hpo4j(
                      "creating a trial",
                      false,
                      s ->
                          s.createTrial(
                              CreateTrialRequest.newBuilder()
                                  .setStudyId(studyId)
                                  .setFixedParams(fixed)
                                  .setWaiting(waiting)
                                  .build()))
                  .getTrial());
      if (!waiting) {
        own(studyId, t);
      }
      return t;
    }
    CreateNewTrialRequest.Builder r = CreateNewTrialRequest.newBuilder().setStudyId(studyId);
    if (fixedParams.isEmpty() && !waiting) {
      r.setTemplateTrialIsNone(true);
    } else {
      Trial.Builder tmpl =
          Trial.newBuilder()
              .setState(
                  waiting
                      ? org.hpo4j.grpc.proto.TrialState.WAITING
                      : org.hpo4j.grpc.proto.TrialState.RUNNING);
      if (!waiting) {
        tmpl.setDatetimeStart(Protos.time(Instant.now()));
      }
      if (!fixed.isEmpty()) {
        tmpl.putSystemAttributes("fixed_params", fixed);
      }
      r.setTemplateTrial(tmpl).setTemplateTrialIsNone(false);
    }
    long id = conn.optuna("creating a trial", false, s -> s.createNewTrial(r.build())).getTrialId();
    return fetch(id);
  }

  private void own(long studyId, FrozenTrial t) {
    owned.put(t.id(), new OwnedTrial(studyId, t));
    heartbeats.start();
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    if (hpo4j) {
      ClaimReply r =
          conn.hpo4j(
              "claiming a waiting trial",
              false,
              s -> s.claimWaitingTrial(StudyRequest.newBuilder().setStudyId(studyId).build()));
      if (!r.getClaimed()) {
        return Optional.empty();
      }
      FrozenTrial t = Protos.fromProto(r.getTrial());
      own(studyId, t);
      return Optional.of(t);
    }
    for (FrozenTrial w : trials(studyId, Set.of(TrialState.WAITING))) {
      try {
        boolean claimed =
            conn.optuna(
                    "claiming a waiting trial",
                    false,
                    s ->
                        s.setTrialStateValues(
                            SetTrialStateValuesRequest.newBuilder()
                                .setTrialId(w.id())
                                .setState(org.hpo4j.grpc.proto.TrialState.RUNNING)
                                .build()))
                .getTrialUpdated();
        if (claimed) {
          return Optional.of(fetch(w.id()));
        }
      } catch (IllegalStateException e) {
        // finished meanwhile: try the next
      }
    }
    return Optional.empty();
  }

  @Override
  public void setParam(long trialId, String name, double internal, Distribution distribution) {
    requireNonNull(name, "name");
    requireNonNull(distribution, "distribution");
    OwnedTrial o = owned.get(trialId);
    if (o != null) {
      o.setParam(name, internal, distribution);
      return;
    }
    conn.optuna(
        "writing parameter '" + name + "'",
        true,
        s ->
            s.setTrialParameter(
                SetTrialParameterRequest.newBuilder()
                    .setTrialId(trialId)
                    .setParamName(name)
                    .setParamValueInternal(internal)
                    .setDistribution(DistributionJson.write(distribution))
                    .build()));
    dirty(trialId);
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    OwnedTrial o = owned.get(trialId);
    if (o != null) {
      o.setIntermediate(step, value);
      return;
    }
    // Optuna's storages replace a step's value; hpo4j keeps the first, so a known step is not sent
    // again.
    if (trial(trialId).intermediateValues().containsKey(step)) {
      return;
    }
    conn.optuna(
        "writing an intermediate value",
        true,
        s ->
            s.setTrialIntermediateValue(
                SetTrialIntermediateValueRequest.newBuilder()
                    .setTrialId(trialId)
                    .setStep(step)
                    .setIntermediateValue(value)
                    .build()));
    dirty(trialId);
  }

  @Override
  public void setUserAttr(long trialId, String key, Object value) {
    setAttr(true, trialId, key, value);
  }

  @Override
  public void setSystemAttr(long trialId, String key, Object value) {
    setAttr(false, trialId, key, value);
  }

  private void setAttr(boolean user, long trialId, String key, Object value) {
    requireNonNull(key, "key");
    String json = Json.write(value);
    OwnedTrial o = owned.get(trialId);
    if (o != null && o.setAttr(user, key, Json.read(json, "attribute"))) {
      return;
    }
    String what = "writing attribute '" + key + "'";
    if (user) {
      conn.optuna(
          what,
          true,
          s ->
              s.setTrialUserAttribute(
                  SetTrialUserAttributeRequest.newBuilder()
                      .setTrialId(trialId)
                      .setKey(key)
                      .setValue(json)
                      .build()));
    } else {
      conn.optuna(
          what,
          true,
          s ->
              s.setTrialSystemAttribute(
                  SetTrialSystemAttributeRequest.newBuilder()
                      .setTrialId(trialId)
                      .setKey(key)
                      .setValue(json)
                      .build()));
    }
    dirty(trialId);
  }

  @Override
  public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
    requireArgument(
        state != null && state.isFinished(),
        "finishTrial needs COMPLETE, PRUNED or FAIL, but got %s",
        state);
    requireNonNull(values, "values");
    OwnedTrial o = owned.get(trialId);
    if (o != null && !o.markFinished()) {
      return false; // this client finished it already
    }
    if (hpo4j) {
      TrialWrites w =
          o == null ? TrialWrites.newBuilder().setTrialId(trialId).build() : o.writes(true);
      FinishTrialReply r;
      try {
        r =
            conn.hpo4j(
                "finishing trial " + (o == null ? "id " + trialId : o.base.number()),
                true,
                s ->
                    s.finishTrial(
                        FinishTrialRequest.newBuilder()
                            .setWrites(w)
                            .setState(Protos.toProto(state))
                            .addAllValues(values)
                            .build()));
      } catch (StorageException e) {
        owned.remove(
            trialId); // its heartbeats stop: the server fails it and enqueues its parameters again
        throw new StorageException(
            "the result of trial "
                + (o == null ? "id " + trialId : o.base.number())
                + " could not be delivered ("
                + e.getMessage()
                + "); the server will fail the trial and run its "
                + "parameters again",
            e);
      }
      owned.remove(trialId);
      FrozenTrial done = Protos.fromProto(r.getTrial());
      if (finished.size() > 4096) {
        finished.clear();
      }
      finished.put(trialId, done);
      remember(o == null ? null : o.studyId, done);
      return r.getFinished();
    }
    try {
      return conn.optuna(
              "finishing a trial",
              true,
              s ->
                  s.setTrialStateValues(
                      SetTrialStateValuesRequest.newBuilder()
                          .setTrialId(trialId)
                          .setState(Protos.toProto(state))
                          .addAllValues(values)
                          .build()))
          .getTrialUpdated();
    } catch (IllegalStateException e) {
      return false; // Optuna's FAILED_PRECONDITION: finished already
    } finally {
      dirty(trialId);
    }
  }

  @Override
  public FrozenTrial trial(long trialId) {
    OwnedTrial o = owned.get(trialId);
    if (o != null) {
      return o.view();
    }
    FrozenTrial done = finished.get(trialId);
    if (done != null) {
      return done;
    }
    for (StudyTrials c : caches.values()) {
      FrozenTrial t = c.finished(trialId);
      if (t != null) {
        return t;
      }
    }
    return fetch(trialId);
  }

  private FrozenTrial fetch(long trialId) {
    return Protos.fromProto(
        conn.optuna(
                "reading a trial",
                true,
                s -> s.getTrial(GetTrialRequest.newBuilder().setTrialId(trialId).build()))
            .getTrial());
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    StudyTrials c = caches.computeIfAbsent(studyId, StudyTrials::new);
    c.sync(r -> conn.optuna("reading trials", true, s -> s.getTrials(r)).getTrialsList());
    List<FrozenTrial> out = c.trials(null);
    List<FrozenTrial> filtered = new ArrayList<>(out.size());
    for (FrozenTrial t : out) {
      OwnedTrial o = t.state() == TrialState.RUNNING ? owned.get(t.id()) : null;
      FrozenTrial v = o == null ? t : o.view();
      if (states == null || states.contains(v.state())) {
        filtered.add(v);
      }
    }
    return filtered;
  }

  private void remember(Long studyId, FrozenTrial t) {
    if (studyId != null) {
      StudyTrials c = caches.get(studyId);
      if (c != null) {
        c.update(t);
      }
    }
  }

  private void dirty(long trialId) {
    finished.remove(trialId);
    for (StudyTrials c : caches.values()) {
      c.markDirty(trialId);
    }
  }

  /** Sends a heartbeat now (tests; the timer beats every interval the server asked for). */
  void beatNow() {
    if (heartbeats != null) {
      heartbeats.beat();
    }
  }

  /** The server sweeps stale trials itself (on every claim and every heartbeat interval). */
  @Override
  public List<FrozenTrial> failStaleTrials(long studyId) {
    return List.of();
  }

  /**
   * Sends one last heartbeat with what the running trials wrote (for their retries), then
   * disconnects.
   */
  @Override
  public void close() {
    if (heartbeats != null) {
      heartbeats.close();
    }
    conn.close();
  }
}
