package org.hpo4j.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.hpo4j.trial.Trial;

/**
 * A seeded random trial without a study that records what it drew, what was reported and which
 * attributes were set; asks to prune once {@code pruneAfterReports} values were reported.
 */
public class RecordingTrial implements Trial {
  public final Map<String, Object> params = new LinkedHashMap<>();
  public final Map<String, Distribution> distributions = new LinkedHashMap<>();
  public final List<double[]> reports = new ArrayList<>();
  public final Map<String, Object> attrs = new LinkedHashMap<>();
  private final Random random;
  private final int pruneAfterReports;

  public RecordingTrial(long seed) {
    this(seed, Integer.MAX_VALUE);
  }

  public RecordingTrial(long seed, int pruneAfterReports) {
    this.random = new Random(seed);
    this.pruneAfterReports = pruneAfterReports;
  }

  /** Draws a value of {@code d}; overridden to replay instead. */
  protected Object draw(String name, Distribution d) {
    if (d instanceof FloatDistribution f) {
      double low = f.low();
      double high = f.high();
      return f.log()
          ? Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)))
          : low + random.nextDouble() * (high - low);
    }
    if (d instanceof IntDistribution i) {
      return i.low() + (long) random.nextInt((int) (i.high() - i.low() + 1));
    }
    List<Object> choices = ((CategoricalDistribution) d).choices();
    return choices.get(random.nextInt(choices.size()));
  }

  @Override
  public Object suggest(String name, Distribution d) {
    Object v = draw(name, d);
    params.put(name, v);
    distributions.put(name, d);
    return v;
  }

  @Override
  public int number() {
    return 0;
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
  public void setUserAttr(String key, Object value) {
    attrs.put(key, value);
  }

  @Override
  public void setConstraints(double... constraints) {}

  @Override
  public Map<String, Object> params() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
