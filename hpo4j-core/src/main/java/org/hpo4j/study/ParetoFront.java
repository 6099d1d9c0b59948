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

  /** @return whether {@code a} dominates {@code b} under {@code directions} */
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
   * The non-dominated trials among {@code trials}, in their input order; duplicates of one point are
   * all kept. O(n^2 m), enough for the fronts of interactive studies.
   */
  public static List<FrozenTrial> of(List<FrozenTrial> trials, List<StudyDirection> directions) {
    List<FrozenTrial> front = new ArrayList<>();
    for (FrozenTrial t : trials) {
      boolean dominated = false;
      for (FrozenTrial u : trials) {
        if (u != t && dominates(u.values(), t.values(), directions)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(t);
      }
    }
    return front;
  }
}
