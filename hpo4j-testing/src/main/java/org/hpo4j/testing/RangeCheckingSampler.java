package org.hpo4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A sampler seen through a window: every raw proposal is checked against its distribution before
 * the study gets it. The study snaps a value onto its distribution's grid, which also pulls a
 * finite value from outside the range back in, so checking the stored values alone cannot catch a
 * sampler that proposes outside the range. Rounding onto a grid is allowed; leaving [low, high]
 * (beyond 1e-9 of its width) or a non-finite value is not.
 */
final class RangeCheckingSampler implements Sampler {
  private final Sampler inner;
  private final List<String> violations = new ArrayList<>();

  RangeCheckingSampler(Sampler inner) {
    this.inner = inner;
  }

  /**
   * @return one line per proposal outside its distribution, naming the sampler and parameter
   */
  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  private synchronized void check(String how, String name, Distribution d, double v) {
    double low = d.fromUnit(0.0);
    double high = d.fromUnit(1.0);
    double slack = 1e-9 * (high - low);
    if (!(v >= low - slack && v <= high + slack)) {
      violations.add(inner + " proposed " + v + " for '" + name + "' (" + how + "), outside " + d);
    }
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return inner.inferRelativeSearchSpace(study, trial);
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    Map<String, Double> out = inner.sampleRelative(study, trial, space);
    out.forEach(
        (name, v) -> {
          Distribution d = space.get(name);
          if (d != null && !d.isSingle()) {
            check("sampleRelative", name, d, v);
          }
        });
    return out;
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    double v = inner.sampleIndependent(study, trial, name, distribution);
    check("sampleIndependent", name, distribution, v);
    return v;
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    inner.beforeTrial(study, trial);
  }

  @Override
  public void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    inner.afterTrial(study, trial, state, values);
  }

  @Override
  public boolean isExhausted(StudyView study) {
    return inner.isExhausted(study);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
