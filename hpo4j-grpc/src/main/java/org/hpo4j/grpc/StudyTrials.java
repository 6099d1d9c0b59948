package org.hpo4j.grpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hpo4j.grpc.proto.GetTrialsRequest;
import org.hpo4j.grpc.proto.Trial;
import org.hpo4j.trial.FrozenTrial;

/**
 * A client's copy of one study's trials, re-read incrementally: each sync asks for the trials with
 * an id above the highest seen plus those it holds unfinished (or written to since), so a sampler's
 * history costs what changed, not the study. Trial numbers have no gaps, so a gap in the copy means
 * a trial was missed (ids committed out of order) and the next sync re-reads everything once.
 *
 * <p>Thread-safe (one lock per study).
 */
final class StudyTrials {
  private final long studyId;
  private final TreeMap<Integer, FrozenTrial> byNumber = new TreeMap<>();
  private final Map<Long, FrozenTrial> byId = new HashMap<>();
  private final Set<Long> unfinished = new HashSet<>();
  private final Set<Long> dirty = new HashSet<>();
  private long maxId = -1;
  private boolean full;

  StudyTrials(long studyId) {
    this.studyId = studyId;
  }

  /** Brings the copy up to date with one call of {@code fetch}. */
  synchronized void sync(Function<GetTrialsRequest, List<Trial>> fetch) {
    GetTrialsRequest.Builder r = GetTrialsRequest.newBuilder().setStudyId(studyId);
    if (full) {
      r.setTrialIdGreaterThan(-1);
    } else {
      r.setTrialIdGreaterThan(maxId)
          .addAllIncludedTrialIds(unfinished)
          .addAllIncludedTrialIds(dirty);
    }
    List<Trial> got = fetch.apply(r.build());
    dirty.clear();
    full = false;
    for (Trial p : got) {
      FrozenTrial t = Protos.fromProto(p);
      put(t);
    }
    if (!byNumber.isEmpty() && byNumber.lastKey() != byNumber.size() - 1) {
      full = true; // a gap: some trial was committed after a higher id was seen
    }
  }

  private void put(FrozenTrial t) {
    FrozenTrial old = byId.put(t.id(), t);
    if (old != null && old.number() != t.number()) {
      byNumber.remove(old.number());
    }
    byNumber.put(t.number(), t);
    maxId = Math.max(maxId, t.id());
    if (t.state().isFinished()) {
      unfinished.remove(t.id());
    } else {
      unfinished.add(t.id());
    }
  }

  /** Replaces a trial already in the copy by a newer snapshot this client got (e.g. its finish). */
  synchronized void update(FrozenTrial t) {
    if (byId.containsKey(t.id())) {
      put(t);
    }
  }

  /** The next sync re-reads this trial (a client wrote to it). */
  synchronized void markDirty(long trialId) {
    if (byId.containsKey(trialId)) {
      dirty.add(trialId);
    }
  }

  /**
   * @return a finished trial of the copy not written to since, or null
   */
  synchronized FrozenTrial finished(long trialId) {
    FrozenTrial t = byId.get(trialId);
    return t != null && t.state().isFinished() && !dirty.contains(trialId) ? t : null;
  }

  /**
   * @return the trials in {@code states} (all when null), by number
   */
  synchronized List<FrozenTrial> trials(Set<org.hpo4j.trial.TrialState> states) {
    List<FrozenTrial> out = new ArrayList<>(states == null ? byNumber.size() : 16);
    for (FrozenTrial t : byNumber.values()) {
      if (states == null || states.contains(t.state())) {
        out.add(t);
      }
    }
    return out;
  }
}
