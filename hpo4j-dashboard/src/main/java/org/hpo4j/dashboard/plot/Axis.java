package org.hpo4j.dashboard.plot;

import java.util.List;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * How the page draws one parameter along an axis: numeric (linear or log) between bounds, or
 * categorical with labelled positions 0, 1, ... .
 *
 * @param name parameter name (user-supplied: the page shows it as text only)
 * @param kind "float", "int" or "categorical"
 * @param log whether the axis is logarithmic
 * @param low lower bound of the distribution (0 for categoricals)
 * @param high upper bound of the distribution (choices - 1 for categoricals)
 * @param categories the choices as strings, empty for numeric parameters
 */
public record Axis(
    String name, String kind, boolean log, double low, double high, List<String> categories) {

  /** Copies the list. */
  public Axis {
    categories = List.copyOf(categories);
  }

  /**
   * @return the axis of parameter {@code name} with distribution {@code d}
   */
  public static Axis of(String name, Distribution d) {
    double low;
    double high;
    if (d instanceof FloatDistribution f) {
      low = f.low();
      high = f.high();
    } else if (d instanceof IntDistribution i) {
      low = i.low();
      high = i.high();
    } else {
      low = 0;
      high = d.cardinality() - 1;
    }
    return new Axis(
        name, PlotTrials.kind(d), PlotTrials.log(d), low, high, PlotTrials.categories(d));
  }
}
