package org.hpo4j.pruner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Decorates a sampler so that it sees only the trials of the current trial's bracket. Thread-safe
 * when the wrapped sampler is.
 */
final class SameBracketSampler implements Sampler {
  private final Sampler sampler;
  private final BracketedPruner pruner;

  SameBracketSampler(Sampler sampler, BracketedPruner pruner) {
    this.sampler = sampler;
    this.pruner = pruner;
  }

  private StudyView view(StudyView study, FrozenTrial trial) {
    return new BracketView(study, pruner, pruner.bracketOf(trial.number()));
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return sampler.inferRelativeSearchSpace(view(study, trial), trial);
  }

  @Override
  public Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return sampler.sampleRelative(view(study, trial), trial, space);
  }

  @Override
  public double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return sampler.sampleIndependent(view(study, trial), trial, name, distribution);
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    sampler.beforeTrial(view(study, trial), trial);
  }

  @Override
  public void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    sampler.afterTrial(view(study, trial), trial, state, values);
  }

  @Override
  public boolean isExhausted(StudyView study) {
    return sampler.isExhausted(study);
  }

  @Override
  public String toString() {
    return sampler + " restricted to the brackets of " + pruner;
  }

  /** The study seen through one bracket. */
  private record BracketView(StudyView study, BracketedPruner pruner, int bracket)
      implements StudyView {
    @Override
    public String name() {
      return study.name();
    }

    @Override
    public List<StudyDirection> directions() {
      return study.directions();
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
      List<FrozenTrial> out = new ArrayList<>();
      for (FrozenTrial t : study.trials(states)) {
        if (pruner.bracketOf(t.number()) == bracket) {
          out.add(t);
        }
      }
      return out;
    }

    @Override
    public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
      study.setTrialSystemAttr(trial, key, value);
    }
  }
}
