package org.hpo4j.study;

import java.util.List;
import org.hpo4j.trial.FrozenTrial;

/**
 * Reads the constraint values a trial set with {@code Trial.setConstraints} (&lt;= 0 is satisfied).
 */
public final class Constraints {
  private Constraints() {}

  /**
   * @return whether every constraint of the trial is satisfied (true when it set none)
   */
  public static boolean isFeasible(FrozenTrial trial) {
    return violation(trial) <= 0;
  }

  /**
   * @return the sum of the positive constraint values: 0 when feasible
   */
  public static double violation(FrozenTrial trial) {
    Object c = trial.systemAttrs().get("constraints");
    double total = 0;
    if (c instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Number n && n.doubleValue() > 0) {
          total += n.doubleValue();
        }
      }
    }
    return total;
  }
}
