package org.hpo4j.jdbc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Remembers what this process has read of each study so that reading the history again costs only
 * what changed: a finished trial never changes state, params or values, so it is kept; a read asks
 * the database only for trials with ids above the highest seen, trials that were unfinished at the
 * last read, and trials whose attributes this process rewrote since (one range of the primary key
 * starting at the oldest of those). Ids and numbers are allocated under the study row's lock and
 * inserted in the same transaction, by hpo4j and Optuna alike, so within a study ids grow with
 * numbers and a trial with an id below the highest seen can never appear later.
 *
 * <p>Attributes written to a finished trial by <em>another</em> process are not seen by a process
 * that already cached that trial until it is reopened.
 *
 * <p>Thread-safe: reads of one study are serialised on that study's entry.
 */
final class TrialCache {
  /** An IN list longer than this becomes a range condition. */
  private static final int MAX_IN_LIST = 500;

  private final Map<Long, StudyTrials> studies = new ConcurrentHashMap<>();
  private final Map<Long, FrozenTrial> finishedById = new ConcurrentHashMap<>();

  /** Study id of every trial a history read has seen, by trial id. */
  private final Map<Long, Long> seen = new ConcurrentHashMap<>();

  /** What is known of one study. */
  private static final class StudyTrials {
    final TreeMap<Long, FrozenTrial> finished = new TreeMap<>();
    final TreeMap<Long, FrozenTrial> unfinished = new TreeMap<>();

    /** Ids of finished trials rewritten (attributes) by this process since they were read. */
    final Set<Long> stale = ConcurrentHashMap.newKeySet();

    long maxSeen = -1;
  }

  /** Loads the trials matching a condition over {@code trials t}. */
  interface Loader {
    List<FrozenTrial> load(String where, List<Object> args);
  }

  /**
   * @return the trials of a study in {@code states} (all when null), by number, refreshed by a
   *     delta read
   */
  List<FrozenTrial> trials(long studyId, Set<TrialState> states, Loader loader) {
    StudyTrials s = studies.computeIfAbsent(studyId, k -> new StudyTrials());
    synchronized (s) {
      // One index range from the lowest number that may have changed (the oldest unfinished trial,
      // usually a few below the newest), then a filter: an OR of ranges would defeat the index.
      java.util.TreeSet<Long> reread = new java.util.TreeSet<>(s.unfinished.keySet());
      reread.addAll(s.stale);
      long lowest = reread.isEmpty() ? s.maxSeen + 1 : Math.min(reread.first(), s.maxSeen + 1);
      StringBuilder where = new StringBuilder("t.study_id = ? AND t.trial_id >= ?");
      List<Object> args = new ArrayList<>(List.of(studyId, lowest));
      if (!reread.isEmpty() && reread.size() <= MAX_IN_LIST) {
        where.append(" AND (t.trial_id > ? OR t.trial_id IN (");
        args.add(s.maxSeen);
        appendList(where, args, reread);
        where.append("))");
      }
      List<FrozenTrial> delta = loader.load(where.toString(), args);
      Set<Long> gone = new java.util.HashSet<>(s.unfinished.keySet());
      for (FrozenTrial t : delta) {
        gone.remove(t.id());
        s.stale.remove(t.id());
        s.maxSeen = Math.max(s.maxSeen, t.id());
        seen.put(t.id(), studyId);
        if (t.state().isFinished()) {
          s.finished.put(t.id(), t);
          s.unfinished.remove(t.id());
          finishedById.put(t.id(), t);
        } else {
          s.unfinished.put(t.id(), t);
        }
      }
      s.unfinished.keySet().removeAll(gone); // deleted meanwhile
      return merge(s, states);
    }
  }

  private static void appendList(StringBuilder sql, List<Object> args, Iterable<?> values) {
    boolean first = true;
    for (Object v : values) {
      sql.append(first ? "?" : ", ?");
      args.add(v);
      first = false;
    }
  }

  private static List<FrozenTrial> merge(StudyTrials s, Set<TrialState> states) {
    List<FrozenTrial> out = new ArrayList<>(s.finished.size() + s.unfinished.size());
    Iterator<FrozenTrial> a = s.finished.values().iterator();
    Iterator<FrozenTrial> b = s.unfinished.values().iterator();
    FrozenTrial x = a.hasNext() ? a.next() : null;
    FrozenTrial y = b.hasNext() ? b.next() : null;
    while (x != null || y != null) {
      FrozenTrial next;
      if (y == null || (x != null && x.id() < y.id())) {
        next = x;
        x = a.hasNext() ? a.next() : null;
      } else {
        next = y;
        y = b.hasNext() ? b.next() : null;
      }
      if (states == null || states.contains(next.state())) {
        out.add(next);
      }
    }
    return out;
  }

  /**
   * @return the cached snapshot of a finished trial, or null when it must be read
   */
  FrozenTrial finished(long trialId) {
    return finishedById.get(trialId);
  }

  /** Keeps a freshly read snapshot when it is finished. */
  void remember(FrozenTrial t) {
    if (t.state().isFinished()) {
      finishedById.put(t.id(), t);
    }
  }

  /** Marks a trial as changed by this process (call after the write committed). */
  void markDirty(long trialId) {
    finishedById.remove(trialId);
    Long study = seen.get(trialId);
    if (study != null) {
      StudyTrials s = studies.get(study);
      if (s != null) {
        s.stale.add(trialId);
      }
    }
  }

  /** Forgets everything (after a study is deleted). */
  void clear() {
    studies.clear();
    finishedById.clear();
    seen.clear();
  }
}
