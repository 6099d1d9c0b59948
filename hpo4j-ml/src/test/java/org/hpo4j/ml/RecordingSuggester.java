package org.hpo4j.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hpo4j.ml.space.Suggester;

/** A seeded random suggester that records what it drew and what was reported. */
public class RecordingSuggester implements Suggester {
  public final Map<String, Object> params = new LinkedHashMap<>();
  public final List<double[]> reports = new ArrayList<>();
  public final Map<String, Object> attrs = new LinkedHashMap<>();
  private final Random random;
  private final int pruneAfterReports;

  public RecordingSuggester(long seed) {
    this(seed, Integer.MAX_VALUE);
  }

  public RecordingSuggester(long seed, int pruneAfterReports) {
    this.random = new Random(seed);
    this.pruneAfterReports = pruneAfterReports;
  }

  @Override
  public double suggestFloat(String name, double low, double high, boolean log) {
    double v = log ? Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)))
        : low + random.nextDouble() * (high - low);
    params.put(name, v);
    return v;
  }

  @Override
  public long suggestInt(String name, long low, long high, boolean log) {
    long v = low + (long) random.nextInt((int) (high - low + 1));
    params.put(name, v);
    return v;
  }

  @Override
  public <T> T suggestCategorical(String name, List<T> choices) {
    T v = choices.get(random.nextInt(choices.size()));
    params.put(name, v);
    return v;
  }

  @Override
  public void report(int step, double value) {
    reports.add(new double[] {step, value});
  }

  @Override
  public boolean shouldPrune() {
    return reports.size() >= pruneAfterReports;
  }

  @Override
  public RuntimeException prune() {
    return new PrunedForTest();
  }

  @Override
  public void setUserAttr(String key, Object value) {
    attrs.put(key, value);
  }

  /** Thrown by {@link #prune()}. */
  public static final class PrunedForTest extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
