package org.hpo4j.dashboard.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/** Selections over a trial history shared by the plot classes. Stateless. */
final class PlotTrials {
  private PlotTrials() {}

  /**
   * @return the COMPLETE trials whose value at {@code objective} is finite, by number
   */
  static List<FrozenTrial> completeFinite(List<FrozenTrial> trials, int objective) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE
          && t.values().size() > objective
          && Double.isFinite(t.values().get(objective))) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The parameters seen in {@code trials}, in order of first appearance, each with the distribution
   * of the last trial that used it (a study may widen a range between runs).
   */
  static Map<String, Distribution> space(List<FrozenTrial> trials) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    for (FrozenTrial t : trials) {
      out.putAll(t.distributions());
    }
    return out;
  }

  /**
   * @return "float", "int" or "categorical"
   */
  static String kind(Distribution d) {
    if (d instanceof FloatDistribution) {
      return "float";
    }
    return d instanceof IntDistribution ? "int" : "categorical";
  }

  /**
   * @return whether the axis of this distribution is best drawn on a log scale
   */
  static boolean log(Distribution d) {
    return (d instanceof FloatDistribution f && f.log())
        || (d instanceof IntDistribution i && i.log());
  }

  /**
   * @return the choices as display strings, or an empty list for a numeric distribution
   */
  static List<String> categories(Distribution d) {
    List<String> out = new ArrayList<>();
    if (d instanceof CategoricalDistribution c) {
      for (Object o : c.choices()) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  /**
   * The plotted coordinate of an internal value: the number itself for floats and ints, the choice
   * index for categoricals (the page labels it with {@link #categories}).
   */
  static double coordinate(Distribution d, double internal) {
    return d instanceof CategoricalDistribution ? d.snap(internal) : internal;
  }
}
