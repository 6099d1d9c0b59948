package org.hpo4j.grpc;

import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.grpc.proto.ClaimReply;
import org.hpo4j.grpc.proto.CreateTrialRequest;
import org.hpo4j.grpc.proto.FinishTrialReply;
import org.hpo4j.grpc.proto.FinishTrialRequest;
import org.hpo4j.grpc.proto.HeartbeatReply;
import org.hpo4j.grpc.proto.HeartbeatRequest;
import org.hpo4j.grpc.proto.HelloReply;
import org.hpo4j.grpc.proto.HelloRequest;
import org.hpo4j.grpc.proto.Hpo4jStorageGrpc;
import org.hpo4j.grpc.proto.ListStudiesReply;
import org.hpo4j.grpc.proto.ListStudiesRequest;
import org.hpo4j.grpc.proto.StudyInfo;
import org.hpo4j.grpc.proto.StudyRequest;
import org.hpo4j.grpc.proto.TrialReply;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * hpo4j's calls beside Optuna's (hpo4j_storage.proto): one call to start a trial and one to finish
 * it with everything written to it, heartbeats for many trials at once, and the server's liveness
 * timings. Thread-safe.
 */
final class Hpo4jStorageService extends Hpo4jStorageGrpc.Hpo4jStorageImplBase {
  static final String SERVER = "hpo4j-grpc 1";

  private final org.hpo4j.storage.Storage storage;
  private final ServedTrials served;
  private final ServerOptions options;

  Hpo4jStorageService(
      org.hpo4j.storage.Storage storage, ServedTrials served, ServerOptions options) {
    this.storage = storage;
    this.served = served;
    this.options = options;
  }

  @Override
  public void hello(HelloRequest r, StreamObserver<HelloReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            HelloReply.newBuilder()
                .setServer(SERVER)
                .setHeartbeatIntervalMs(options.heartbeatInterval().toMillis())
                .setGracePeriodMs(options.gracePeriod().toMillis())
                .setMaxMessageBytes(options.maxMessageBytes())
                .build());
  }

  @Override
  public void createTrial(CreateTrialRequest r, StreamObserver<TrialReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          Map<String, Object> fixed = new LinkedHashMap<>();
          if (!r.getFixedParams().isEmpty()
              && Json.read(r.getFixedParams(), "fixed_params") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fixed.put(String.valueOf(k), v));
          }
          FrozenTrial t = served.createLeased(r.getStudyId(), fixed, r.getWaiting());
          return TrialReply.newBuilder().setTrial(Protos.toProto(t)).build();
        });
  }

  @Override
  public void claimWaitingTrial(StudyRequest r, StreamObserver<ClaimReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          Optional<FrozenTrial> t = served.claimLeased(r.getStudyId());
          ClaimReply.Builder b = ClaimReply.newBuilder().setClaimed(t.isPresent());
          t.ifPresent(x -> b.setTrial(Protos.toProto(x)));
          return b.build();
        });
  }

  @Override
  public void finishTrial(FinishTrialRequest r, StreamObserver<FinishTrialReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          TrialState state = Protos.fromProto(r.getState());
          if (!state.isFinished()) {
            throw new IllegalArgumentException(
                "FinishTrial needs COMPLETE, PRUNED or FAIL, but got " + state);
          }
          ServedTrials.Finish f = served.finishLeased(r.getWrites(), state, r.getValuesList());
          return FinishTrialReply.newBuilder()
              .setFinished(f.won())
              .setTrial(served.proto(f.trial()))
              .build();
        });
  }

  @Override
  public void heartbeat(HeartbeatRequest r, StreamObserver<HeartbeatReply> obs) {
    ServerErrors.answer(
        obs,
        () -> HeartbeatReply.newBuilder().addAllNotRunning(served.beat(r.getTrialsList())).build());
  }

  @Override
  public void listStudies(ListStudiesRequest r, StreamObserver<ListStudiesReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          ListStudiesReply.Builder b = ListStudiesReply.newBuilder();
          for (StudySummary s : storage.studies()) {
            b.addStudies(
                StudyInfo.newBuilder()
                    .setStudyId(s.id())
                    .setStudyName(s.name())
                    .addAllDirections(Protos.toProto(s.directions()))
                    .setTrialCount(s.trialCount()));
          }
          return b.build();
        });
  }
}
