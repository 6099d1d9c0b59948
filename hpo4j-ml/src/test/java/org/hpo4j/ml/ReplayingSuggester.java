package org.hpo4j.ml;

import java.util.List;
import java.util.Map;
import org.hpo4j.ml.space.Suggester;

/**
 * Answers every suggest call with a given value (checked against its range, as a refit would) and
 * records the values, the reports and the attributes like {@link RecordingSuggester}: the objective
 * under test then trains exactly one chosen configuration.
 */
public class ReplayingSuggester extends RecordingSuggester {
  private final Suggester fixed;

  public ReplayingSuggester(Map<String, Object> values) {
    this(values, Integer.MAX_VALUE);
  }

  /** @param pruneAfterReports asks to prune once this many values were reported */
  public ReplayingSuggester(Map<String, Object> values, int pruneAfterReports) {
    super(0, pruneAfterReports);
    fixed = Suggester.fixed(values);
  }

  @Override
  public double suggestFloat(String name, double low, double high, boolean log) {
    double v = fixed.suggestFloat(name, low, high, log);
    params.put(name, v);
    return v;
  }

  @Override
  public long suggestInt(String name, long low, long high, boolean log) {
    long v = fixed.suggestInt(name, low, high, log);
    params.put(name, v);
    return v;
  }

  @Override
  public <T> T suggestCategorical(String name, List<T> choices) {
    T v = fixed.suggestCategorical(name, choices);
    params.put(name, v);
    return v;
  }
}
