package org.hpo4j.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the storage's exceptions into the status codes Optuna's client maps back (NOT_FOUND to
 * KeyError, ALREADY_EXISTS to DuplicatedStudyError, FAILED_PRECONDITION to
 * UpdateFinishedTrialError, INVALID_ARGUMENT to ValueError), with the storage's message as the
 * description.
 */
final class ServerErrors {
  private static final Logger LOG = LoggerFactory.getLogger(StorageServer.class);

  private ServerErrors() {}

  /** Answers {@code obs} with {@code body}'s result or its failure as a status. */
  static <R> void answer(StreamObserver<R> obs, Supplier<R> body) {
    R reply;
    try {
      reply = body.get();
    } catch (RuntimeException e) {
      obs.onError(status(e).asRuntimeException());
      return;
    }
    obs.onNext(reply);
    obs.onCompleted();
  }

  static Status status(RuntimeException e) {
    if (e instanceof StatusRuntimeException s) {
      return s.getStatus();
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof DuplicateStudyException) {
      return Status.ALREADY_EXISTS.withDescription(m);
    }
    if (e instanceof StorageException) {
      if (m.startsWith("no study") || m.startsWith("no trial")) {
        return Status.NOT_FOUND.withDescription(m);
      }
      // The storage behind the server failed (database down?): clients retry with backoff.
      return Status.UNAVAILABLE.withDescription("the server's storage failed: " + m);
    }
    if (e instanceof IllegalStateException) {
      return Status.FAILED_PRECONDITION.withDescription(m);
    }
    if (e instanceof IllegalArgumentException || e instanceof ArithmeticException) {
      return Status.INVALID_ARGUMENT.withDescription(m);
    }
    if (e instanceof UnsupportedOperationException) {
      return Status.UNIMPLEMENTED.withDescription(m);
    }
    LOG.warn("storage call failed", e);
    return Status.INTERNAL.withDescription(e.toString());
  }

  static StatusRuntimeException notFound(String m) {
    return Status.NOT_FOUND.withDescription(m).asRuntimeException();
  }
}
