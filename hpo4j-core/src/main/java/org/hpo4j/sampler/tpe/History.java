package org.hpo4j.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The incremental cache behind {@link TpeSampler}: each finished trial is read once (by number)
 * into the primitive {@link Columns} and its slot inserted into a list kept in rank order, into a
 * list by trial number, and, per parameter, into a list sorted by the parameter's value (for the
 * neighbour bandwidths); the grouping of parameters that co-occur is refined trial by trial. A
 * suggest therefore costs a scan of the trials that are not yet known to be finished plus, when
 * something changed, one copy of these int lists: linear in the number of trials, never a re-sort.
 *
 * <p>Thread-safe: {@link #update} is synchronized and returns an immutable {@link Snapshot}.
 */
final class History {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final Map<String, Distribution> firstDistribution = new HashMap<>();
  private final Set<String> conflicted = new HashSet<>();

  /** Numbers of the finished trials already read. */
  private final BitSet seen = new BitSet();

  /** Finished observations as columns by slot: the order they were first read in. */
  private final Columns columns = new Columns();

  /** Slots in rank order (best first). */
  private final Ints ranked = new Ints();

  /** Slots in trial-number order. */
  private final Ints byNumber = new Ints();

  private final List<Set<String>> groups = new ArrayList<>();
  private Set<String> intersection;

  /** Leading entries of the trial list known to be finished and read. */
  private int prefix;

  /**
   * Id of the trial just before {@link #prefix}, to notice a different study under the same name.
   */
  private long prefixId = Long.MIN_VALUE;

  private Snapshot last;
  private boolean changed = true;

  /**
   * @param trials the study's trials ordered by number
   * @param self id of the trial being sampled (not a liar)
   * @param pending parameters this sampler proposed for running trials, not yet written to storage
   */
  synchronized Snapshot update(
      List<FrozenTrial> trials,
      StudyDirection direction,
      long self,
      Map<Long, Map<String, Proposal>> pending) {
    if (prefix > 0 && (prefix > trials.size() || trials.get(prefix - 1).id() != prefixId)) {
      reset();
    }
    boolean contiguous = true;
    List<Observation> running = new ArrayList<>();
    for (int i = Math.min(prefix, trials.size()); i < trials.size(); i++) {
      FrozenTrial t = trials.get(i);
      TrialState s = t.state();
      if (s == TrialState.COMPLETE || s == TrialState.PRUNED) {
        if (!seen.get(t.number())) {
          seen.set(t.number());
          add(toObservation(t, direction, null, columns.size()));
        }
      } else if (s == TrialState.RUNNING && t.id() != self) {
        Map<String, Proposal> extra = pending.get(t.id());
        if (!t.internalParams().isEmpty() || (extra != null && !extra.isEmpty())) {
          running.add(toObservation(t, direction, extra, -1));
        }
      }
      if (contiguous && s.isFinished()) {
        prefix = i + 1;
        prefixId = t.id();
      } else {
        contiguous = false;
      }
    }
    if (changed || last == null) {
      last =
          new Snapshot(
              columns.freeze(),
              ranked.toArray(),
              byNumber.toArray(),
              Map.copyOf(index),
              relativeGroups(true),
              relativeGroups(false),
              List.of());
      changed = false;
    }
    return running.isEmpty() ? last : last.withRunning(running);
  }

  /** Forgets everything: the trials are not the ones this cache was built from. */
  private void reset() {
    index.clear();
    names.clear();
    firstDistribution.clear();
    conflicted.clear();
    seen.clear();
    columns.clear();
    ranked.clear();
    byNumber.clear();
    groups.clear();
    intersection = null;
    prefix = 0;
    prefixId = Long.MIN_VALUE;
    last = null;
    changed = true;
  }

  /** A value this sampler proposed for a running trial, with its distribution. */
  record Proposal(double value, Distribution distribution) {}

  /**
   * @param extra proposals not yet in storage (a running trial's), or null
   * @param slot the observation's slot, -1 for a running trial
   */
  private Observation toObservation(
      FrozenTrial t, StudyDirection direction, Map<String, Proposal> extra, int slot) {
    Map<String, Double> params = t.internalParams();
    Map<String, Distribution> distributions = t.distributions();
    if (extra != null && !extra.isEmpty()) {
      params = new LinkedHashMap<>();
      distributions = new HashMap<>();
      for (Map.Entry<String, Proposal> e : extra.entrySet()) {
        params.put(e.getKey(), e.getValue().value());
        distributions.put(e.getKey(), e.getValue().distribution());
      }
      params.putAll(t.internalParams());
      distributions.putAll(t.distributions());
    }
    int size = names.size();
    for (String name : params.keySet()) {
      if (!index.containsKey(name)) {
        index.put(name, names.size());
        names.add(name);
      }
    }
    if (names.size() != size) {
      changed = true;
    }
    double[] values = new double[names.size()];
    Arrays.fill(values, Double.NaN);
    Distribution[] dists = new Distribution[names.size()];
    for (Map.Entry<String, Double> e : params.entrySet()) {
      int j = index.get(e.getKey());
      values[j] = e.getValue();
      dists[j] = distributions.get(e.getKey());
    }
    boolean pruned = t.state() == TrialState.PRUNED;
    double loss;
    int step = -1;
    if (t.state() == TrialState.COMPLETE && t.values().size() == 1) {
      loss = direction.asLoss(t.values().get(0));
    } else if (pruned) {
      SortedMap<Integer, Double> iv = t.intermediateValues();
      step = iv.isEmpty() ? -1 : iv.lastKey();
      loss = iv.isEmpty() ? Double.POSITIVE_INFINITY : direction.asLoss(iv.get(step));
    } else {
      loss = Double.POSITIVE_INFINITY;
    }
    return new Observation(t.id(), t.number(), pruned, step, loss, values, dists, slot);
  }

  private void add(Observation o) {
    int slot = columns.add(o);
    ranked.insert(rankPoint(slot), slot);
    changed = true;
    byNumber.insert(insertionPoint(byNumber, columns::number, o.number()), slot);
    double[] v = o.values();
    for (int j = 0; j < v.length; j++) {
      if (!Double.isNaN(v[j])) {
        double[] column = columns.values(j);
        Ints list = columns.byValue(j);
        list.insert(insertionPoint(list, s -> column[s], v[j]), slot);
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    for (int j = 0; j < o.values().length; j++) {
      if (!Double.isNaN(o.values()[j])) {
        String name = names.get(j);
        Distribution first = firstDistribution.putIfAbsent(name, o.distributions()[j]);
        if (first != null && !first.equals(o.distributions()[j])) {
          conflicted.add(name);
        }
        keys.add(name);
      }
    }
    refineGroups(keys);
    if (intersection == null) {
      intersection = new LinkedHashSet<>(keys);
    } else {
      intersection.retainAll(keys);
    }
  }

  /**
   * @return where slot goes in {@link #ranked}: after every observation that ranks before or equal
   *     to it
   */
  private int rankPoint(int slot) {
    int lo = 0;
    int hi = ranked.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (columns.compare(ranked.at[mid], slot) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * @return the index in {@code list} after every entry whose key is at most {@code key}
   */
  private static int insertionPoint(
      Ints list, java.util.function.IntToDoubleFunction keyOf, double key) {
    int lo = 0;
    int hi = list.size;
    if (hi > 0 && keyOf.applyAsDouble(list.at[hi - 1]) <= key) {
      return hi; // the common case: trials finish in number order
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keyOf.applyAsDouble(list.at[mid]) <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A growable int list with insertion, enough for the orders above. */
  static final class Ints {
    int[] at = new int[16];
    int size;

    void insert(int i, int value) {
      if (size == at.length) {
        at = Arrays.copyOf(at, 2 * size);
      }
      System.arraycopy(at, i, at, i + 1, size - i);
      at[i] = value;
      size++;
    }

    void clear() {
      size = 0;
    }

    int[] toArray() {
      return Arrays.copyOf(at, size);
    }
  }

  /**
   * Splits every group into the part inside and outside {@code keys}; new names form a new group.
   */
  private void refineGroups(Set<String> keys) {
    Set<String> rest = new LinkedHashSet<>(keys);
    List<Set<String>> next = new ArrayList<>();
    for (Set<String> g : groups) {
      Set<String> in = new LinkedHashSet<>();
      Set<String> out = new LinkedHashSet<>();
      for (String name : g) {
        (keys.contains(name) ? in : out).add(name);
      }
      rest.removeAll(g);
      if (!in.isEmpty()) {
        next.add(in);
      }
      if (!out.isEmpty()) {
        next.add(out);
      }
    }
    if (!rest.isEmpty()) {
      next.add(rest);
    }
    groups.clear();
    groups.addAll(next);
  }

  /** Groups usable for joint sampling: consistent distributions, more than one value. */
  private List<Map<String, Distribution>> relativeGroups(boolean grouped) {
    List<Set<String>> source =
        grouped ? groups : intersection == null ? List.of() : List.of(intersection);
    List<Map<String, Distribution>> out = new ArrayList<>();
    for (Set<String> g : source) {
      Map<String, Distribution> m = new LinkedHashMap<>();
      for (String name : g) {
        Distribution d = firstDistribution.get(name);
        if (!conflicted.contains(name) && d != null && !d.isSingle()) {
          m.put(name, d);
        }
      }
      if (!m.isEmpty()) {
        out.add(Collections.unmodifiableMap(m));
      }
    }
    return List.copyOf(out);
  }
}
