package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * Contour of the objective over two parameters: a grid of values interpolated from the complete
 * trials that used both, with the trials drawn on top. The grid is uniform in each parameter's
 * sampling space (log space for log parameters); a parameter with at most {@code gridSize} values
 * gets one column per value.
 *
 * <p>Interpolation is inverse-distance weighting (power 2) in the unit square, so the surface
 * passes through every observation and stays within the observed range: an honest picture of what
 * was measured, not a model's guess.
 *
 * <p>Notation: G_x, G_y grid columns and rows; z is G_y x G_x, row j holding y-grid value j.
 * Observation positions are fractional grid indices, so they line up with the cells.
 *
 * @param objective the index of the objective shown
 * @param direction its direction
 * @param x the horizontal parameter's axis
 * @param y the vertical parameter's axis
 * @param xValues the x coordinate of each grid column (value, or category index)
 * @param yValues the y coordinate of each grid row
 * @param z interpolated objective, z.get(j).get(i) at (xValues[i], yValues[j])
 * @param observations the trials that used both parameters
 */
public record ContourPlot(
    int objective,
    StudyDirection direction,
    Axis x,
    Axis y,
    List<Double> xValues,
    List<Double> yValues,
    List<List<Double>> z,
    List<Observation> observations) {

  /**
   * @param number trial number
   * @param gx fractional column index in [0, G_x - 1]
   * @param gy fractional row index in [0, G_y - 1]
   * @param value objective value
   */
  public record Observation(int number, double gx, double gy, double value) {}

  /** Copies the lists. */
  public ContourPlot {
    xValues = List.copyOf(xValues);
    yValues = List.copyOf(yValues);
    z = z.stream().map(List::copyOf).toList();
    observations = List.copyOf(observations);
  }

  /**
   * @param xParam the horizontal parameter
   * @param yParam the vertical parameter
   * @param gridSize columns/rows of a continuous axis, at least 2
   * @throws IllegalArgumentException when a parameter never occurs in a complete trial, the two are
   *     equal, gridSize &lt; 2, or objective is out of range
   */
  public static ContourPlot of(
      List<FrozenTrial> trials,
      List<StudyDirection> directions,
      int objective,
      String xParam,
      String yParam,
      int gridSize) {
    requireArgument(
        objective >= 0 && objective < directions.size(),
        "objective must be in [0, %s), but got objective=%s",
        directions.size(),
        objective);
    requireArgument(
        gridSize >= 2, "gridSize >= 2 must hold for a contour, but got gridSize=%s", gridSize);
    requireArgument(
        !xParam.equals(yParam),
        "a contour needs two different parameters, but got '%s' twice",
        xParam);
    List<FrozenTrial> complete = PlotTrials.completeFinite(trials, objective);
    Map<String, Distribution> space = PlotTrials.space(complete);
    requireArgument(
        space.containsKey(xParam) && space.containsKey(yParam),
        "contour parameters must occur in a complete trial; got x='%s', y='%s', known: %s",
        xParam,
        yParam,
        space.keySet());
    Grid gx = Grid.of(space.get(xParam), gridSize);
    Grid gy = Grid.of(space.get(yParam), gridSize);

    List<double[]> obs = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double a = t.internalParams().get(xParam);
      Double b = t.internalParams().get(yParam);
      if (a != null && b != null) {
        double ux = space.get(xParam).toUnit(a);
        double uy = space.get(yParam).toUnit(b);
        double v = t.values().get(objective);
        obs.add(new double[] {ux, uy, v});
        observations.add(new Observation(t.number(), gx.position(ux), gy.position(uy), v));
      }
    }
    List<List<Double>> z = new ArrayList<>();
    for (int j = 0; j < gy.size(); j++) {
      List<Double> row = new ArrayList<>();
      for (int i = 0; i < gx.size(); i++) {
        row.add(obs.isEmpty() ? null : idw(obs, gx.units[i], gy.units[j]));
      }
      z.add(row);
    }
    return new ContourPlot(
        objective,
        directions.get(objective),
        Axis.of(xParam, space.get(xParam)),
        Axis.of(yParam, space.get(yParam)),
        gx.coordinates(),
        gy.coordinates(),
        z,
        observations);
  }

  /** Inverse-distance weighting with power 2; an observation on the point wins outright. */
  static double idw(List<double[]> obs, double ux, double uy) {
    double num = 0;
    double den = 0;
    for (double[] o : obs) {
      double d2 = (o[0] - ux) * (o[0] - ux) + (o[1] - uy) * (o[1] - uy);
      if (d2 < 1e-18) {
        return o[2];
      }
      num += o[2] / d2;
      den += 1 / d2;
    }
    return num / den;
  }

  /**
   * One axis of the grid: unit positions, internal values, and how a unit value maps to an index.
   */
  private static final class Grid {
    final Distribution d;
    final double[] units;
    final double[] internals;
    final boolean discrete;

    private Grid(Distribution d, double[] units, double[] internals, boolean discrete) {
      this.d = d;
      this.units = units;
      this.internals = internals;
      this.discrete = discrete;
    }

    static Grid of(Distribution d, int gridSize) {
      boolean discrete = d.cardinality() <= gridSize;
      int n = discrete ? (int) d.cardinality() : gridSize;
      double[] units = new double[n];
      double[] internals = new double[n];
      for (int i = 0; i < n; i++) {
        double u = discrete ? (i + 0.5) / n : i / (double) (n - 1);
        internals[i] = d.fromUnit(u);
        units[i] = discrete ? d.toUnit(internals[i]) : u;
      }
      return new Grid(d, units, internals, discrete);
    }

    int size() {
      return units.length;
    }

    double position(double u) {
      int n = units.length;
      if (discrete) {
        return Math.min(n - 1, Math.floor(u * n));
      }
      return u * (n - 1);
    }

    List<Double> coordinates() {
      List<Double> out = new ArrayList<>();
      for (double v : internals) {
        out.add(PlotTrials.coordinate(d, v));
      }
      return out;
    }
  }
}
