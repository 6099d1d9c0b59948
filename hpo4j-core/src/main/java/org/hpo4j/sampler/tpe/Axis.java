package org.hpo4j.sampler.tpe;

import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * One parameter as the Parzen estimators see it: a coordinate {@code t} on an interval [low, high]
 * (the internal value, or its logarithm for log distributions), or a choice index for categoricals.
 *
 * <p>Notation: a <em>discrete</em> axis (int parameters, floats with a step, log ints) gives each
 * legal value v a cell [cellLow(v), cellHigh(v)] in t units; the cells tile [low, high], which is
 * the range of legal values widened by half a step at each end (in log space for log ints). A
 * continuous axis has no cells. Immutable.
 */
final class Axis {
  final Distribution distribution;
  final boolean categorical;
  final int choices;
  final boolean log;
  final boolean discrete;

  /** Half the step in t units for a linear discrete axis; 0 otherwise. */
  final double halfStep;

  final double low;
  final double high;

  Axis(Distribution d) {
    this.distribution = d;
    if (d instanceof CategoricalDistribution c) {
      categorical = true;
      choices = c.choices().size();
      log = false;
      discrete = true;
      halfStep = 0;
      low = 0;
      high = choices - 1;
    } else if (d instanceof FloatDistribution f) {
      categorical = false;
      choices = 0;
      log = f.log();
      discrete = f.step() != null;
      halfStep = discrete ? f.step() / 2 : 0;
      low = log ? Math.log(f.low()) : f.low() - halfStep;
      high = log ? Math.log(f.high()) : f.high() + halfStep;
    } else {
      IntDistribution i = (IntDistribution) d;
      categorical = false;
      choices = 0;
      log = i.log();
      discrete = true;
      halfStep = log ? 0 : i.step() / 2.0;
      low = log ? Math.log(i.low() - 0.5) : i.low() - halfStep;
      high = log ? Math.log(i.high() + 0.5) : i.high() + halfStep;
    }
  }

  /**
   * @return the width of the axis, the scale of every bandwidth on it
   */
  double range() {
    return high - low;
  }

  /**
   * @return the coordinate of a legal internal value
   */
  double toAxis(double internal) {
    return log ? Math.log(internal) : internal;
  }

  /**
   * @return the legal internal value nearest to coordinate {@code t}
   */
  double toInternal(double t) {
    return distribution.snap(log ? Math.exp(t) : t);
  }

  /**
   * @return the lower end of the cell of a legal value given by its coordinate {@code t}
   */
  double cellLow(double t) {
    if (log) {
      return Math.max(low, Math.log(Math.exp(t) - 0.5));
    }
    return t - halfStep;
  }

  /**
   * @return the upper end of the cell of a legal value given by its coordinate {@code t}
   */
  double cellHigh(double t) {
    if (log) {
      return Math.min(high, Math.log(Math.exp(t) + 0.5));
    }
    return t + halfStep;
  }
}
