package org.hpo4j.dashboard.plot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hpo4j.math.pareto.Hypervolume;
import org.hpo4j.study.ParetoFront;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Pareto front of a study with two or more objectives: every complete trial's values with the
 * non-dominated ones marked (the page draws 2-D directly and 3-D as its three pairwise
 * projections), and the hypervolume of the front found so far after each trial, which rises as the
 * search improves the front.
 *
 * <p>The reference point is, per objective, the worst value seen plus 10% of the observed range (1%
 * of the value, or 1, when the range is 0), so every trial counts; it is given in the objective's
 * own units and direction.
 *
 * @param directions one per objective
 * @param reference the reference point of the hypervolume, one value per objective
 * @param hypervolume the hypervolume of the front so far, after each trial (in a huge study, only
 *     at the trials that changed it and at the last)
 * @param points complete trials with finite values, by number: the whole front and, in a huge
 *     study, an even stride through the dominated rest
 */
public record ParetoPlot(
    List<StudyDirection> directions,
    List<Point> points,
    List<Double> reference,
    List<HypervolumeStep> hypervolume) {

  /**
   * @param number trial number
   * @param values one per objective
   * @param front whether no other complete trial dominates it
   */
  public record Point(int number, List<Double> values, boolean front) {
    /** Copies the list. */
    public Point {
      values = List.copyOf(values);
    }
  }

  /** The front's hypervolume once trial {@code number} had finished. */
  public record HypervolumeStep(int number, double hypervolume) {}

  /** Copies the lists. */
  public ParetoPlot {
    directions = List.copyOf(directions);
    points = List.copyOf(points);
    reference = List.copyOf(reference);
    hypervolume = List.copyOf(hypervolume);
  }

  /**
   * @param trials the study's trials; only COMPLETE ones with finite values are used
   */
  public static ParetoPlot of(List<FrozenTrial> trials, List<StudyDirection> directions) {
    int m = directions.size();
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE
          && t.values().size() == m
          && t.values().stream().allMatch(Double::isFinite)) {
        complete.add(t);
      }
    }
    java.util.Set<Integer> front = new java.util.HashSet<>();
    ParetoFront.of(complete, directions).forEach(t -> front.add(t.number()));
    // A huge study keeps its whole front and an even stride through the dominated trials.
    int stride = Math.max(1, (complete.size() + Thin.MAX_POINTS - 1) / Thin.MAX_POINTS);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < complete.size(); i++) {
      FrozenTrial t = complete.get(i);
      boolean onFront = front.contains(t.number());
      if (onFront || i % stride == 0) {
        points.add(new Point(t.number(), t.values(), onFront));
      }
    }
    double[] ref = reference(complete, directions);
    List<Double> refValues = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      refValues.add(directions.get(i).asLoss(ref[i]));
    }
    return new ParetoPlot(
        directions,
        points,
        complete.isEmpty() ? List.of() : refValues,
        history(complete, directions, ref));
  }

  /** The reference point in loss space (minimisation). */
  private static double[] reference(List<FrozenTrial> complete, List<StudyDirection> directions) {
    int m = directions.size();
    double[] ref = new double[m];
    for (int i = 0; i < m; i++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (FrozenTrial t : complete) {
        double l = directions.get(i).asLoss(t.values().get(i));
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
      double range = hi - lo;
      ref[i] = hi + (range > 0 ? 0.1 * range : Math.max(1e-2 * Math.abs(hi), 1.0));
    }
    return ref;
  }

  private static List<HypervolumeStep> history(
      List<FrozenTrial> complete, List<StudyDirection> directions, double[] ref) {
    int m = directions.size();
    List<double[]> front = new ArrayList<>();
    List<HypervolumeStep> out = new ArrayList<>();
    double hv = 0;
    for (FrozenTrial t : complete) {
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        p[i] = directions.get(i).asLoss(t.values().get(i));
      }
      if (!dominatedOrEqual(front, p)) {
        for (Iterator<double[]> it = front.iterator(); it.hasNext(); ) {
          if (dominatedOrEqual(List.of(p), it.next())) {
            it.remove();
          }
        }
        front.add(p);
        hv = Hypervolume.of(front, ref);
        out.add(new HypervolumeStep(t.number(), hv));
      } else if (complete.size() <= Thin.MAX_POINTS
          || out.isEmpty()
          || t == complete.get(complete.size() - 1)) {
        out.add(new HypervolumeStep(t.number(), hv));
      }
    }
    return out;
  }

  /**
   * @return whether some point of {@code set} is no worse than {@code p} in every objective
   */
  private static boolean dominatedOrEqual(List<double[]> set, double[] p) {
    for (double[] q : set) {
      boolean noWorse = true;
      for (int i = 0; i < p.length && noWorse; i++) {
        noWorse = q[i] <= p[i];
      }
      if (noWorse) {
        return true;
      }
    }
    return false;
  }
}
