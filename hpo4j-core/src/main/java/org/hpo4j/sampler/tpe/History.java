package org.hpo4j.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
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
 * The incremental cache behind {@link TpeSampler}: finished trials are converted to
 * {@link Observation}s once (keyed by trial id) and inserted into a list kept in rank order, and the
 * grouping of parameters that co-occur is refined trial by trial. A suggest therefore costs a scan of
 * the trials that are not yet known to be finished plus, when something changed, one copy of the
 * ranked list: linear in the number of trials, never a re-sort.
 *
 * <p>Thread-safe: {@link #update} is synchronized and returns an immutable {@link Snapshot}.
 */
final class History {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final Map<String, Distribution> firstDistribution = new HashMap<>();
  private final Set<String> conflicted = new HashSet<>();
  private final Set<Long> seen = new HashSet<>();
  private final List<Observation> ranked = new ArrayList<>();
  private final List<Set<String>> groups = new ArrayList<>();
  private Set<String> intersection;
  /** Leading entries of the trial list known to be finished and read. */
  private int prefix;
  /** Id of the trial just before {@link #prefix}, to notice a different study under the same name. */
  private long prefixId = Long.MIN_VALUE;
  private Snapshot last;
  private boolean changed = true;

  /**
   * @param trials the study's trials ordered by number
   * @param self id of the trial being sampled (not a liar)
   * @param pending parameters this sampler proposed for running trials, not yet written to storage
   */
  synchronized Snapshot update(List<FrozenTrial> trials, StudyDirection direction, long self,
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
        if (seen.add(t.id())) {
          add(toObservation(t, direction, null));
        }
      } else if (s == TrialState.RUNNING && t.id() != self) {
        Map<String, Proposal> extra = pending.get(t.id());
        if (!t.params().isEmpty() || (extra != null && !extra.isEmpty())) {
          running.add(toObservation(t, direction, extra));
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
      last = new Snapshot(ranked.toArray(new Observation[0]), Map.copyOf(index), relativeGroups(true),
          relativeGroups(false), List.of());
      changed = false;
    }
    return running.isEmpty() ? last : last.withRunning(running);
  }

  /**
   * @param extra proposals not yet in storage (a running trial's), or null
   */
  /** Forgets everything: the trials are not the ones this cache was built from. */
  private void reset() {
    index.clear();
    names.clear();
    firstDistribution.clear();
    conflicted.clear();
    seen.clear();
    ranked.clear();
    groups.clear();
    intersection = null;
    prefix = 0;
    prefixId = Long.MIN_VALUE;
    last = null;
    changed = true;
  }

  /** A value this sampler proposed for a running trial, with its distribution. */
  record Proposal(double value, Distribution distribution) {}

  private Observation toObservation(FrozenTrial t, StudyDirection direction, Map<String, Proposal> extra) {
    Map<String, Double> params = t.params();
    Map<String, Distribution> distributions = t.distributions();
    if (extra != null && !extra.isEmpty()) {
      params = new LinkedHashMap<>();
      distributions = new HashMap<>();
      for (Map.Entry<String, Proposal> e : extra.entrySet()) {
        params.put(e.getKey(), e.getValue().value());
        distributions.put(e.getKey(), e.getValue().distribution());
      }
      params.putAll(t.params());
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
    return new Observation(t.id(), t.number(), pruned, step, loss, values, dists);
  }

  private void add(Observation o) {
    int at = Collections.binarySearch(ranked, o, Observation::compare);
    ranked.add(at < 0 ? -at - 1 : at, o);
    changed = true;
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

  /** Splits every group into the part inside and outside {@code keys}; new names form a new group. */
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
    List<Set<String>> source = grouped ? groups : intersection == null ? List.of() : List.of(intersection);
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
