package org.hpo4j.sampler.tpe;

import org.hpo4j.space.Distribution;

/**
 * One trial as TPE ranks it: its parameter values by the history's parameter index (NaN where the
 * trial lacks the parameter) and its rank key. A finished trial passes through one on its way into
 * {@link Columns}; a running trial (a constant liar) stays one for the suggest that reads it.
 *
 * <p>Rank order (best first): COMPLETE trials by loss; then PRUNED trials by deepest step (deeper
 * first), then by last intermediate loss; ties by trial number.
 *
 * @param id storage id of the trial
 * @param number trial number (age: smaller is older)
 * @param pruned whether the trial was PRUNED (ranks after every COMPLETE one)
 * @param step deepest reported step of a PRUNED trial, -1 when none
 * @param loss the objective as a loss (smaller is better); +Infinity for a PRUNED trial without
 *     values
 * @param values internal values by parameter index
 * @param distributions distribution of each present parameter, by parameter index
 * @param slot position in the order the history first read finished trials (stable as the history
 *     grows, unlike the rank); -1 for a running trial
 */
record Observation(
    long id,
    int number,
    boolean pruned,
    int step,
    double loss,
    double[] values,
    Distribution[] distributions,
    int slot) {

  /** Total order used to split good from bad. */
  static int compare(Observation a, Observation b) {
    if (a.pruned != b.pruned) {
      return a.pruned ? 1 : -1;
    }
    if (a.pruned && a.step != b.step) {
      return Integer.compare(b.step, a.step);
    }
    int c = Double.compare(a.loss, b.loss);
    return c != 0 ? c : Integer.compare(a.number, b.number);
  }

  /**
   * @return whether this trial has parameter {@code index} with exactly distribution {@code d}
   */
  boolean has(int index, Distribution d) {
    return index < values.length
        && !Double.isNaN(values[index])
        && (d == distributions[index] || d.equals(distributions[index]));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "Observation(#"
        + number
        + ", loss="
        + loss
        + (pruned ? ", pruned at " + step : "")
        + ")";
  }
}
