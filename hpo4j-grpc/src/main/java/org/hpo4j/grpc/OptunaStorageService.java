package org.hpo4j.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpo4j.grpc.proto.*;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.trial.FrozenTrial;

/**
 * Optuna's {@code StorageService} over any hpo4j {@link Storage}, so that Optuna's {@code
 * GrpcStorageProxy} (and hpo4j's client) work against it. What Optuna's calls mean beyond their
 * names: a study's user attributes are kept among its system attributes under the prefix {@value
 * #USER_PREFIX} (hpo4j's storages keep one attribute map per study); {@code
 * SetTrialStateValues(RUNNING)} claims a WAITING trial; {@code GetTrials} returns the trials whose
 * id is above {@code trial_id_greater_than} or listed in {@code included_trial_ids}, which is how a
 * client re-reads only what changed.
 *
 * <p>Thread-safe.
 */
final class OptunaStorageService extends StorageServiceGrpc.StorageServiceImplBase {
  static final String USER_PREFIX = "user_attr:";

  private final Storage storage;
  private final ServedTrials served;

  OptunaStorageService(Storage storage, ServedTrials served) {
    this.storage = storage;
    this.served = served;
  }

  @Override
  public void createNewStudy(CreateNewStudyRequest r, StreamObserver<CreateNewStudyReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          if (r.getDirectionsCount() == 0) {
            throw new IllegalArgumentException("a study needs at least one direction");
          }
          long id =
              storage.createStudy(
                  r.getStudyName(), Protos.fromProtoDirections(r.getDirectionsList()));
          return CreateNewStudyReply.newBuilder().setStudyId(id).build();
        });
  }

  @Override
  public void deleteStudy(DeleteStudyRequest r, StreamObserver<DeleteStudyReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.deleteStudy(r.getStudyId());
          served.forgetStudy(r.getStudyId());
          return DeleteStudyReply.getDefaultInstance();
        });
  }

  @Override
  public void setStudyUserAttribute(
      SetStudyUserAttributeRequest r, StreamObserver<SetStudyUserAttributeReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setStudySystemAttr(
              r.getStudyId(), USER_PREFIX + r.getKey(), Json.read(r.getValue(), "value"));
          return SetStudyUserAttributeReply.getDefaultInstance();
        });
  }

  @Override
  public void setStudySystemAttribute(
      SetStudySystemAttributeRequest r, StreamObserver<SetStudySystemAttributeReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setStudySystemAttr(r.getStudyId(), r.getKey(), Json.read(r.getValue(), "value"));
          return SetStudySystemAttributeReply.getDefaultInstance();
        });
  }

  @Override
  public void getStudyIdFromName(
      GetStudyIdFromNameRequest r, StreamObserver<GetStudyIdFromNameReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          long id =
              storage
                  .findStudy(r.getStudyName())
                  .orElseThrow(
                      () -> ServerErrors.notFound("no study named '" + r.getStudyName() + "'"));
          return GetStudyIdFromNameReply.newBuilder().setStudyId(id).build();
        });
  }

  @Override
  public void getStudyNameFromId(
      GetStudyNameFromIdRequest r, StreamObserver<GetStudyNameFromIdReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            GetStudyNameFromIdReply.newBuilder()
                .setStudyName(summary(r.getStudyId()).name())
                .build());
  }

  @Override
  public void getStudyDirections(
      GetStudyDirectionsRequest r, StreamObserver<GetStudyDirectionsReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            GetStudyDirectionsReply.newBuilder()
                .addAllDirections(Protos.toProto(storage.directions(r.getStudyId())))
                .build());
  }

  @Override
  public void getStudyUserAttributes(
      GetStudyUserAttributesRequest r, StreamObserver<GetStudyUserAttributesReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            GetStudyUserAttributesReply.newBuilder()
                .putAllUserAttributes(attrs(r.getStudyId(), true))
                .build());
  }

  @Override
  public void getStudySystemAttributes(
      GetStudySystemAttributesRequest r, StreamObserver<GetStudySystemAttributesReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            GetStudySystemAttributesReply.newBuilder()
                .putAllSystemAttributes(attrs(r.getStudyId(), false))
                .build());
  }

  @Override
  public void getAllStudies(GetAllStudiesRequest r, StreamObserver<GetAllStudiesReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          GetAllStudiesReply.Builder b = GetAllStudiesReply.newBuilder();
          for (StudySummary s : storage.studies()) {
            b.addStudies(
                org.hpo4j.grpc.proto.Study.newBuilder()
                    .setStudyId(s.id())
                    .setStudyName(s.name())
                    .addAllDirections(Protos.toProto(s.directions()))
                    .putAllUserAttributes(attrs(s.id(), true))
                    .putAllSystemAttributes(attrs(s.id(), false)));
          }
          return b.build();
        });
  }

  @Override
  public void createNewTrial(CreateNewTrialRequest r, StreamObserver<CreateNewTrialReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          long id =
              r.getTemplateTrialIsNone() || !r.hasTemplateTrial()
                  ? storage.createTrial(r.getStudyId(), Map.of(), false).id()
                  : served.createFromTemplate(
                      r.getStudyId(), Protos.fromProto(r.getTemplateTrial()));
          return CreateNewTrialReply.newBuilder().setTrialId(id).build();
        });
  }

  @Override
  public void setTrialParameter(
      SetTrialParameterRequest r, StreamObserver<SetTrialParameterReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setParam(
              r.getTrialId(),
              r.getParamName(),
              r.getParamValueInternal(),
              DistributionJson.read(r.getDistribution()));
          return SetTrialParameterReply.getDefaultInstance();
        });
  }

  @Override
  public void getTrialIdFromStudyIdTrialNumber(
      GetTrialIdFromStudyIdTrialNumberRequest r,
      StreamObserver<GetTrialIdFromStudyIdTrialNumberReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          for (FrozenTrial t : storage.trials(r.getStudyId(), null)) {
            if (t.number() == r.getTrialNumber()) {
              return GetTrialIdFromStudyIdTrialNumberReply.newBuilder().setTrialId(t.id()).build();
            }
          }
          throw ServerErrors.notFound(
              "no trial number " + r.getTrialNumber() + " in study " + r.getStudyId());
        });
  }

  @Override
  public void setTrialStateValues(
      SetTrialStateValuesRequest r, StreamObserver<SetTrialStateValuesReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          org.hpo4j.trial.TrialState state = Protos.fromProto(r.getState());
          boolean updated =
              switch (state) {
                case RUNNING -> served.claim(r.getTrialId());
                case WAITING ->
                    throw Status.INVALID_ARGUMENT
                        .withDescription("a trial cannot be moved back to WAITING")
                        .asRuntimeException();
                default -> served.finish(r.getTrialId(), state, r.getValuesList());
              };
          return SetTrialStateValuesReply.newBuilder().setTrialUpdated(updated).build();
        });
  }

  @Override
  public void setTrialIntermediateValue(
      SetTrialIntermediateValueRequest r, StreamObserver<SetTrialIntermediateValueReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setIntermediateValue(
              r.getTrialId(), Math.toIntExact(r.getStep()), r.getIntermediateValue());
          return SetTrialIntermediateValueReply.getDefaultInstance();
        });
  }

  @Override
  public void setTrialUserAttribute(
      SetTrialUserAttributeRequest r, StreamObserver<SetTrialUserAttributeReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setUserAttr(r.getTrialId(), r.getKey(), Json.read(r.getValue(), "value"));
          return SetTrialUserAttributeReply.getDefaultInstance();
        });
  }

  @Override
  public void setTrialSystemAttribute(
      SetTrialSystemAttributeRequest r, StreamObserver<SetTrialSystemAttributeReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          storage.setSystemAttr(r.getTrialId(), r.getKey(), Json.read(r.getValue(), "value"));
          return SetTrialSystemAttributeReply.getDefaultInstance();
        });
  }

  @Override
  public void getTrial(GetTrialRequest r, StreamObserver<GetTrialReply> obs) {
    ServerErrors.answer(
        obs,
        () ->
            GetTrialReply.newBuilder()
                .setTrial(served.proto(storage.trial(r.getTrialId())))
                .build());
  }

  @Override
  public void getTrials(GetTrialsRequest r, StreamObserver<GetTrialsReply> obs) {
    ServerErrors.answer(
        obs,
        () -> {
          Set<Long> included = new HashSet<>(r.getIncludedTrialIdsList());
          long above = r.getTrialIdGreaterThan();
          GetTrialsReply.Builder b = GetTrialsReply.newBuilder();
          for (FrozenTrial t : storage.trials(r.getStudyId(), null)) {
            if (t.id() > above || included.contains(t.id())) {
              b.addTrials(served.proto(t));
            }
          }
          return b.build();
        });
  }

  private StudySummary summary(long studyId) {
    Optional<StudySummary> s =
        storage.studies().stream().filter(x -> x.id() == studyId).findFirst();
    return s.orElseThrow(() -> ServerErrors.notFound("no study with id " + studyId));
  }

  private Map<String, String> attrs(long studyId, boolean user) {
    Map<String, String> out = new LinkedHashMap<>();
    storage
        .studySystemAttrs(studyId)
        .forEach(
            (k, v) -> {
              if (k.startsWith(USER_PREFIX) == user) {
                out.put(user ? k.substring(USER_PREFIX.length()) : k, Json.write(v));
              }
            });
    return out;
  }
}
