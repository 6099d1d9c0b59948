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
 * the database only for trials numbered above the highest seen, trials that were unfinished at the
 * last read, and trials whose attributes this process rewrote since. Numbers are allocated under
 * a lock and inserted in the same transaction, so a trial numbered below the highest seen can never
 * appear later.
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
  private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

  /** What is known of one study. */
  private static final class StudyTrials {
    final TreeMap<Integer, FrozenTrial> finished = new TreeMap<>();
    final TreeMap<Integer, FrozenTrial> unfinished = new TreeMap<>();
    int maxSeen = -1;
  }

  /** Loads the trials matching a condition over {@code trials t}. */
  interface Loader {
    List<FrozenTrial> load(String where, List<Object> args);
  }

  /** @return the trials of a study in {@code states} (all when null), by number, refreshed by a delta read */
  List<FrozenTrial> trials(long studyId, Set<TrialState> states, Loader loader) {
    StudyTrials s = studies.computeIfAbsent(studyId, k -> new StudyTrials());
    synchronized (s) {
      StringBuilder where = new StringBuilder("t.study_id = ? AND (t.number > ?");
      List<Object> args = new ArrayList<>(List.of(studyId, s.maxSeen));
      if (!s.unfinished.isEmpty()) {
        if (s.unfinished.size() > MAX_IN_LIST) {
          where.append(" OR t.number >= ?");
          args.add(s.unfinished.firstKey());
        } else {
          where.append(" OR t.number IN (");
          appendList(where, args, s.unfinished.keySet());
          where.append(')');
        }
      }
      List<Long> dirtyIds = new ArrayList<>(dirty);
      if (!dirtyIds.isEmpty() && dirtyIds.size() <= MAX_IN_LIST) {
        where.append(" OR t.trial_id IN (");
        appendList(where, args, dirtyIds);
        where.append(')');
      } else if (!dirtyIds.isEmpty()) {
        where.append(" OR t.number >= 0");
      }
      where.append(')');
      List<FrozenTrial> delta = loader.load(where.toString(), args);
      Set<Integer> stillUnfinished = new java.util.HashSet<>(s.unfinished.keySet());
      for (FrozenTrial t : delta) {
        stillUnfinished.remove(t.number());
        s.maxSeen = Math.max(s.maxSeen, t.number());
        if (t.state().isFinished()) {
          s.finished.put(t.number(), t);
          s.unfinished.remove(t.number());
          finishedById.put(t.id(), t);
        } else {
          s.unfinished.put(t.number(), t);
        }
        dirty.remove(t.id());
      }
      s.unfinished.keySet().removeAll(stillUnfinished); // deleted meanwhile
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
      if (y == null || (x != null && x.number() < y.number())) {
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

  /** @return the cached snapshot of a finished trial, or null when it must be read */
  FrozenTrial finished(long trialId) {
    return dirty.contains(trialId) ? null : finishedById.get(trialId);
  }

  /** Keeps a freshly read snapshot when it is finished. */
  void remember(FrozenTrial t) {
    if (t.state().isFinished() && !dirty.contains(t.id())) {
      finishedById.put(t.id(), t);
    }
  }

  /** Marks a trial as changed by this process (call after the write committed). */
  void markDirty(long trialId) {
    dirty.add(trialId);
    finishedById.remove(trialId);
  }

  /** Forgets everything (after a study is deleted). */
  void clear() {
    studies.clear();
    finishedById.clear();
    dirty.clear();
  }
}
