package org.hpo4j.dashboard.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Learning curves: the intermediate values each trial reported, with pruned trials marked, to see
 * whether the pruner stops the right trials.
 *
 * @param curves one per trial that reported anything, by number; at most {@link #MAX_CURVES}, the
 *     latest kept
 * @param omitted how many older curves were left out to keep the page light
 */
public record IntermediatePlot(List<Curve> curves, int omitted) {
  /** The most curves a plot carries. */
  public static final int MAX_CURVES = 500;

  /**
   * @param number trial number
   * @param state its state
   * @param pruned whether a pruner stopped it
   * @param steps reported steps, increasing
   * @param values the value at each step (non-finite values are left out)
   */
  public record Curve(
      int number, TrialState state, boolean pruned, List<Integer> steps, List<Double> values) {
    /** Copies the lists. */
    public Curve {
      steps = List.copyOf(steps);
      values = List.copyOf(values);
    }
  }

  /** Copies the list. */
  public IntermediatePlot {
    curves = List.copyOf(curves);
  }

  /**
   * @param trials the study's trials, by number
   */
  public static IntermediatePlot of(List<FrozenTrial> trials) {
    List<Curve> curves = new ArrayList<>();
    for (FrozenTrial t : trials) {
      List<Integer> steps = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
        if (Double.isFinite(e.getValue())) {
          steps.add(e.getKey());
          values.add(e.getValue());
        }
      }
      if (!steps.isEmpty()) {
        curves.add(new Curve(t.number(), t.state(), t.state() == TrialState.PRUNED, steps, values));
      }
    }
    int omitted = Math.max(0, curves.size() - MAX_CURVES);
    return new IntermediatePlot(curves.subList(omitted, curves.size()), omitted);
  }
}
