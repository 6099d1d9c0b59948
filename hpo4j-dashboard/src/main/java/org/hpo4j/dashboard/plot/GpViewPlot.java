package org.hpo4j.dashboard.plot;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import org.hpo4j.Experimental;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * The GP view: what a Gaussian-process sampler believes along one parameter. Top panel: the
 * posterior mean with a 2-sigma band along a 1-D slice through the best trial (every other
 * parameter held at its value there), with the observations projected onto that axis. Bottom panel:
 * the acquisition along the same slice; its peak is where the sampler wants to look, and the next
 * proposal is marked on both.
 *
 * <p>Computing the slice belongs to the GP module; this record only carries it to the page.
 *
 * @param axis the parameter varied
 * @param direction of the objective
 * @param acquisition the acquisition's name (e.g. "EI", "log EI", "UCB", "PI")
 * @param x slice positions (plotted coordinates), increasing
 * @param mean posterior mean of the objective at each position
 * @param lower mean - 2 sd
 * @param upper mean + 2 sd
 * @param acquisitionValues the acquisition at each position
 * @param observations complete trials that used the parameter, projected onto the slice axis
 * @param best the coordinate of the best trial, which the slice passes through
 * @param next the coordinate of the next proposal, or null when the model is not the study's
 *     sampler (a proposal no sampler will make must not be drawn)
 * @param model what the model is, shown above the view: the study's own GP sampler, or a GP fitted
 *     only for this view
 * @param clippedBelow for a logarithmic acquisition, the lowest value drawn: far from the data log
 *     EI falls to minus hundreds of thousands, which would flatten the interesting part of the
 *     curve into a line, so values below the peak minus {@link #LOG_RANGE} are drawn at that floor;
 *     null when nothing was clipped
 */
@Experimental
public record GpViewPlot(
    Axis axis,
    StudyDirection direction,
    String acquisition,
    List<Double> x,
    List<Double> mean,
    List<Double> lower,
    List<Double> upper,
    List<Double> acquisitionValues,
    List<Observation> observations,
    double best,
    Double next,
    String model,
    Double clippedBelow) {
  /**
   * How far below its peak a logarithmic acquisition is drawn (natural-log units: e^-30 is nil).
   */
  public static final double LOG_RANGE = 30;

  /** A trial's parameter coordinate and objective value. */
  public record Observation(int number, double x, double value) {}

  /** Copies the lists. */
  public GpViewPlot {
    x = List.copyOf(x);
    mean = List.copyOf(mean);
    lower = List.copyOf(lower);
    upper = List.copyOf(upper);
    acquisitionValues = List.copyOf(acquisitionValues);
    observations = List.copyOf(observations);
  }

  /**
   * Builds the view from a GP slice in internal values.
   *
   * @param parameter the parameter varied
   * @param d its distribution
   * @param internals slice positions as internal values, increasing
   * @param mean posterior mean (objective units) at each position
   * @param sd posterior standard deviation at each position, &gt;= 0
   * @param acquisitionValues acquisition at each position
   * @param bestInternal the parameter's internal value in the best trial
   * @param nextInternal its internal value in the next proposal, or null
   * @param trials the study's trials (for the observations)
   * @param objective index of the modelled objective
   * @throws IllegalArgumentException when the lists differ in length, are empty, or hold a
   *     non-finite number or a negative sd: a failed GP must say so instead of drawing NaN
   */
  public static GpViewPlot of(
      String parameter,
      Distribution d,
      StudyDirection direction,
      String acquisition,
      List<Double> internals,
      List<Double> mean,
      List<Double> sd,
      List<Double> acquisitionValues,
      double bestInternal,
      Double nextInternal,
      List<FrozenTrial> trials,
      int objective,
      String model) {
    int n = internals.size();
    requireArgument(
        n > 0 && mean.size() == n && sd.size() == n && acquisitionValues.size() == n,
        "GP slice lists must be non-empty and equally long, but got x=%s, mean=%s, sd=%s, acquisition=%s",
        n,
        mean.size(),
        sd.size(),
        acquisitionValues.size());
    List<Double> x = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double m = mean.get(i);
      double s = sd.get(i);
      requireArgument(
          Double.isFinite(m)
              && Double.isFinite(s)
              && s >= 0
              && Double.isFinite(acquisitionValues.get(i)),
          "GP slice of '%s' must be finite with sd >= 0, but at x=%s got mean=%s, sd=%s, acquisition=%s",
          parameter,
          internals.get(i),
          m,
          s,
          acquisitionValues.get(i));
      x.add(PlotTrials.coordinate(d, internals.get(i)));
      lower.add(m - 2 * s);
      upper.add(m + 2 * s);
    }
    Double floor = null;
    if (acquisition.startsWith("log")) {
      double peak = acquisitionValues.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double f = peak - LOG_RANGE;
      if (acquisitionValues.stream().anyMatch(a -> a < f)) {
        floor = f;
        acquisitionValues = acquisitionValues.stream().map(a -> Math.max(a, f)).toList();
      }
    }
    List<Observation> obs = new ArrayList<>();
    for (FrozenTrial t : PlotTrials.completeFinite(trials, objective)) {
      Double v = t.internalParams().get(parameter);
      if (v != null) {
        obs.add(
            new Observation(t.number(), PlotTrials.coordinate(d, v), t.values().get(objective)));
      }
    }
    return new GpViewPlot(
        Axis.of(parameter, d),
        direction,
        acquisition,
        x,
        mean,
        lower,
        upper,
        acquisitionValues,
        obs,
        PlotTrials.coordinate(d, bestInternal),
        nextInternal == null ? null : PlotTrials.coordinate(d, nextInternal),
        model,
        floor);
  }
}
