package org.hpo4j.grpc;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hpo4j.grpc.proto.HeartbeatReply;
import org.hpo4j.grpc.proto.HeartbeatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats, every interval the server asked for, for all the trials a {@link GrpcStorage} runs, in one
 * call that also carries what they wrote since the last beat; a trial beats until its finish is
 * delivered, not only until it is finished here. A beat that fails is not retried (the next comes
 * one interval later; the grace period covers several); the server answers which trials it no
 * longer counts as running (failed by its sweep), and those stop beating.
 *
 * <p>Thread-safe.
 */
final class ClientHeartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcStorage.class);

  private final GrpcStorage storage;
  private final Connection conn;
  private final Duration interval;
  private ScheduledExecutorService timer;
  private boolean closed;
  private volatile boolean failing;

  ClientHeartbeats(GrpcStorage storage, Connection conn, Duration interval) {
    this.storage = storage;
    this.conn = conn;
    this.interval = interval;
  }

  synchronized void start() {
    if (timer != null || closed) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hpo4j-grpc-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::beatQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void beatQuietly() {
    try {
      beat();
      if (failing) {
        failing = false;
        LOG.info("heartbeats reach the storage server " + conn.url.target() + " again");
      }
    } catch (StatusRuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warn(
            "heartbeat to the storage server "
                + conn.url.target()
                + " failed ("
                + Connection.describe(e)
                + "); retrying every "
                + interval.toMillis()
                + " ms");
      }
    } catch (RuntimeException e) {
      LOG.warn("heartbeat failed: " + e);
    }
  }

  /** Beats once for every running trial, with their writes. */
  void beat() {
    List<OwnedTrial> trials = new ArrayList<>();
    for (OwnedTrial o : storage.owned.values()) {
      // a finished one too while its finish is in flight (owned until delivered): a finish retried
      // across a
      // server restart must not let the new server's sweep fail its trial meanwhile
      if (!o.lost) {
        trials.add(o);
      }
    }
    if (trials.isEmpty()) {
      return;
    }
    HeartbeatRequest.Builder b = HeartbeatRequest.newBuilder();
    int[] versions = new int[trials.size()];
    for (int i = 0; i < trials.size(); i++) {
      versions[i] = trials.get(i).version();
      b.addTrials(trials.get(i).writes(false));
    }
    HeartbeatReply r = conn.hpo4jOnce(s -> s.heartbeat(b.build()));
    org.hpo4j.storage.FaultPoint.reached("heartbeat"); // the fault suite's kill, when armed
    Set<Long> gone = new HashSet<>(r.getNotRunningList());
    for (int i = 0; i < trials.size(); i++) {
      OwnedTrial o = trials.get(i);
      if (gone.contains(o.base.id())) {
        if (o.finished) {
          continue; // its finish just landed
        }
        o.lost = true;
        LOG.warn(
            "trial "
                + o.base.number()
                + " is no longer running on the storage "
                + "server (failed by its stale-trial sweep?); its result will not count");
      } else {
        o.beaten(versions[i]);
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    try {
      beat(); // so that the retries of trials left running get their parameters
    } catch (RuntimeException e) {
      // the server is gone: it fails those trials after the grace period
    }
  }

  Map<Long, OwnedTrial> owned() {
    return storage.owned;
  }
}
