package org.hpo4j.study;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.trial.FrozenTrial;

/**
 * Pareto dominance over trials with several values. A trial dominates another when it is no worse
 * in every objective and strictly better in one.
 */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * @return whether {@code a} dominates {@code b} under {@code directions}
   */
  public static boolean dominates(List<Double> a, List<Double> b, List<StudyDirection> directions) {
    boolean strictly = false;
    for (int i = 0; i < directions.size(); i++) {
      double x = directions.get(i).asLoss(a.get(i));
      double y = directions.get(i).asLoss(b.get(i));
      if (x > y) {
        return false;
      }
      strictly |= x < y;
    }
    return strictly;
  }

  /**
   * The non-dominated trials among {@code trials}, in their input order; duplicates of one point
   * are all kept. O(n log n) for two objectives, O(m n^2) for more (see {@link
   * org.hpo4j.math.pareto.NonDominatedSort}).
   */
  public static List<FrozenTrial> of(List<FrozenTrial> trials, List<StudyDirection> directions) {
    double[][] losses = new double[trials.size()][directions.size()];
    for (int i = 0; i < losses.length; i++) {
      for (int k = 0; k < directions.size(); k++) {
        losses[i][k] = directions.get(k).asLoss(trials.get(i).values().get(k));
      }
    }
    int[] ranks = org.hpo4j.math.pareto.NonDominatedSort.ranks(losses);
    List<FrozenTrial> front = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      if (ranks[i] == 0) {
        front.add(trials.get(i));
      }
    }
    return front;
  }
}
