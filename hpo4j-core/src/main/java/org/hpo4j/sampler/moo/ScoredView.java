package org.hpo4j.sampler.moo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.study.Constraints;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A single-objective picture of a multi-objective study, frozen when built: each COMPLETE trial's
 * values become one loss, its position in the MOTPE order (0 = best), so that a single-objective
 * TPE's "best gamma(n) trials" are exactly {@link BestSubset#select}'s k best for every k up to
 * {@link #GREEDY_DEPTH}: non-dominated fronts in order (feasible first), and within the front that
 * straddles the split, greedy hypervolume order. Beyond that depth, ties inside a front are broken
 * by trial number. Other trials pass through without values.
 *
 * <p>Immutable and thread-safe.
 */
final class ScoredView implements StudyView {
  /** Positions ordered by greedy hypervolume; the default TPE split never exceeds 25. */
  static final int GREEDY_DEPTH = 25;

  private final String name;
  private final List<FrozenTrial> trials;

  ScoredView(StudyView study) {
    this.name = study.name();
    List<FrozenTrial> all = study.trials();
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : all) {
      if (t.state() == TrialState.COMPLETE && t.values().size() == study.directions().size()) {
        complete.add(t);
      }
    }
    Map<Long, Double> score = scores(complete, study.directions());
    List<FrozenTrial> out = new ArrayList<>(all.size());
    for (FrozenTrial t : all) {
      Double s = score.get(t.id());
      List<Double> values = s != null ? List.of(s) : List.of();
      out.add(new FrozenTrial(t.number(), t.id(), s != null ? t.state() : demote(t.state()), t.params(),
          t.distributions(), values, t.intermediateValues(), t.userAttrs(), t.systemAttrs(), t.start(), t.complete()));
    }
    this.trials = List.copyOf(out);
  }

  /** A COMPLETE trial without a full set of values cannot be ranked: show it as failed. */
  private static TrialState demote(TrialState s) {
    return s == TrialState.COMPLETE ? TrialState.FAIL : s;
  }

  static Map<Long, Double> scores(List<FrozenTrial> complete, List<StudyDirection> directions) {
    int n = complete.size();
    double[][] losses = new double[n][directions.size()];
    double[] violations = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < directions.size(); k++) {
        losses[i][k] = directions.get(k).asLoss(complete.get(i).values().get(k));
      }
      violations[i] = Constraints.violation(complete.get(i));
    }
    Map<Long, Double> score = new HashMap<>();
    int position = 0;
    for (int[] front : NonDominatedSort.fronts(NonDominatedSort.ranks(losses, violations))) {
      List<Integer> order = new ArrayList<>();
      if (position < GREEDY_DEPTH && front.length > 1) {
        order.addAll(BestSubset.greedyHypervolume(losses, front, Math.min(front.length, GREEDY_DEPTH - position)));
      }
      for (int i : front) { // fronts list indices in increasing order, i.e. by trial number
        if (!order.contains(i)) {
          order.add(i);
        }
      }
      for (int i : order) {
        score.put(complete.get(i).id(), (double) position++);
      }
    }
    return score;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<StudyDirection> directions() {
    return List.of(StudyDirection.MINIMIZE);
  }

  @Override
  public List<FrozenTrial> trials(Set<TrialState> states) {
    if (states == null) {
      return trials;
    }
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (states.contains(t.state())) {
        out.add(t);
      }
    }
    return out;
  }
}
