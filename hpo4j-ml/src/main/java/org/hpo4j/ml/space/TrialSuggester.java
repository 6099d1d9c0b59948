package org.hpo4j.ml.space;

import java.util.List;
import java.util.Objects;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;

/** Adapts a core {@link Trial}; see {@link Suggester#of(Trial)}. Used by the trial's thread only. */
final class TrialSuggester implements Suggester {
  private final Trial trial;

  TrialSuggester(Trial trial) {
    this.trial = Objects.requireNonNull(trial, "trial");
  }

  @Override
  public double suggestFloat(String name, double low, double high, boolean log) {
    return trial.suggestFloat(name, low, high, log);
  }

  @Override
  public long suggestInt(String name, long low, long high, boolean log) {
    return trial.suggestLong(name, low, high, log);
  }

  @Override
  public <T> T suggestCategorical(String name, List<T> choices) {
    return trial.suggestCategorical(name, choices);
  }

  @Override
  public void report(int step, double value) {
    trial.report(step, value);
  }

  @Override
  public boolean shouldPrune() {
    return trial.shouldPrune();
  }

  @Override
  public RuntimeException prune() {
    return new TrialPrunedException();
  }

  @Override
  public void setUserAttr(String key, Object value) {
    trial.setUserAttr(key, value);
  }
}
