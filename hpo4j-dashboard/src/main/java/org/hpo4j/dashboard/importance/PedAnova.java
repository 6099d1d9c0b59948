package org.hpo4j.dashboard.importance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;

/**
 * PED-ANOVA (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter
 * Importance in Arbitrary Subspaces", IJCAI 2023, https://arxiv.org/abs/2304.10255): the importance
 * of a parameter is the Pearson divergence between its distribution among the top trials and among
 * all trials, D = sum_x p_all(x) (p_top(x) / p_all(x) - 1)^2. A parameter that does not matter is
 * spread the same way in both sets (D = 0); one that matters concentrates in the top set.
 *
 * <p>Notation: n trials (losses, smaller is better), the top set is the best ceil(gamma n) (at
 * least min(10, n/2)); u is a parameter's value in the unit interval (Distribution.toUnit).
 * Densities are Parzen estimators: Gaussian kernels with Scott's bandwidth over G cells of [0, 1]
 * for continuous parameters, counts per value for discrete ones, each mixed with a uniform prior of
 * weight 1 / (k + 1) for k points, so p_all never vanishes.
 *
 * <p>Conditional parameters (our extension; the paper assumes a fixed space): a parameter absent
 * from some trials gets an extra outcome "absent", so the divergence also counts how much more (or
 * less) often the top trials use it. A parameter present in every trial has no such term.
 *
 * <p>Stateless and thread-safe.
 */
final class PedAnova {
  /** Cells of the unit interval on which continuous densities are evaluated. */
  static final int CELLS = 128;

  /** Discrete parameters with at most this many values are counted, not smoothed. */
  static final int MAX_DISCRETE = 64;

  private PedAnova() {}

  /** One trial as the estimator sees it: its loss and its parameters' internal values. */
  record Sample(double loss, Map<String, Double> params) {}

  /**
   * @param samples at least 3 trials with finite losses
   * @param space every parameter to rate, with its distribution
   * @param gamma fraction of trials in the top set, in (0, 1)
   * @return the raw divergence of each parameter, largest first
   */
  static Map<String, Double> divergences(
      List<Sample> samples, Map<String, Distribution> space, double gamma) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparingDouble(Sample::loss));
    int n = sorted.size();
    int k = topSize(n, gamma);
    List<Sample> top = sorted.subList(0, k);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      out.put(
          e.getKey(),
          e.getValue().isSingle() ? 0.0 : divergence(e.getKey(), e.getValue(), top, sorted));
    }
    List<Map.Entry<String, Double>> entries = new ArrayList<>(out.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    Map<String, Double> ranked = new LinkedHashMap<>();
    entries.forEach(en -> ranked.put(en.getKey(), en.getValue()));
    return ranked;
  }

  /**
   * The size of the top set: ceil(gamma n), but at least min(10, n / 2) so that a handful of trials
   * cannot fake a concentration by chance (3 of 30 trials share a category one time in nine).
   */
  static int topSize(int n, double gamma) {
    return Math.min(n - 1, Math.max(Math.max(2, Math.min(10, n / 2)), (int) Math.ceil(gamma * n)));
  }

  private static double divergence(
      String name, Distribution d, List<Sample> top, List<Sample> all) {
    boolean conditional = all.stream().anyMatch(s -> !s.params().containsKey(name));
    double[] topMass = masses(name, d, top, conditional);
    double[] allMass = masses(name, d, all, conditional);
    double div = 0;
    for (int i = 0; i < allMass.length; i++) {
      if (allMass[i] == 0) {
        continue; // "absent" of a parameter every trial has
      }
      double r = topMass[i] / allMass[i] - 1;
      div += allMass[i] * r * r;
    }
    return div;
  }

  /**
   * Probability masses over the cells (or values) of the parameter, then one last entry for
   * "absent", which is 0 unless {@code conditional} (some trial of the whole study lacks it).
   */
  private static double[] masses(
      String name, Distribution d, List<Sample> set, boolean conditional) {
    boolean discrete = d instanceof CategoricalDistribution || d.cardinality() <= MAX_DISCRETE;
    int cells = discrete ? (int) d.cardinality() : CELLS;
    List<Double> us = new ArrayList<>();
    for (Sample s : set) {
      Double v = s.params().get(name);
      if (v != null) {
        us.add(discrete ? index(d, v) : d.toUnit(v));
      }
    }
    double[] q = discrete ? counts(us, cells) : kde(us, cells);
    double[] out = new double[cells + 1];
    double present = conditional ? (us.size() + 0.5) / (set.size() + 1.0) : 1.0;
    for (int i = 0; i < cells; i++) {
      out[i] = present * q[i];
    }
    out[cells] = 1 - present;
    return out;
  }

  /**
   * @return the 0-based position of a value among the distribution's values (log scales too)
   */
  static double index(Distribution d, double internal) {
    double v = d.snap(internal);
    if (d instanceof IntDistribution i) {
      return (v - i.low()) / i.step();
    }
    if (d instanceof FloatDistribution f && f.step() != null) {
      return Math.rint((v - f.low()) / f.step());
    }
    return v; // categorical: the index itself
  }

  /**
   * Masses per value, Laplace-smoothed by one uniform pseudo-observation spread over all values.
   */
  private static double[] counts(List<Double> indices, int cells) {
    double[] q = new double[cells];
    java.util.Arrays.fill(q, 1.0 / cells);
    for (double k : indices) {
      q[Math.max(0, Math.min(cells - 1, (int) k))] += 1;
    }
    for (int i = 0; i < cells; i++) {
      q[i] /= indices.size() + 1;
    }
    return q;
  }

  /** Gaussian kernel density with Scott's bandwidth plus a uniform prior, as masses per cell. */
  private static double[] kde(List<Double> us, int cells) {
    int k = us.size();
    double mean = 0;
    for (double u : us) {
      mean += u;
    }
    mean = k == 0 ? 0.5 : mean / k;
    double var = 0;
    for (double u : us) {
      var += (u - mean) * (u - mean);
    }
    double sd = k > 1 ? Math.sqrt(var / (k - 1)) : 0.5;
    double h =
        Math.min(
            0.5, Math.max(1.0 / cells, 1.06 * Math.max(sd, 1e-3) * Math.pow(Math.max(k, 1), -0.2)));
    double[] q = new double[cells];
    java.util.Arrays.fill(q, 1.0); // the uniform prior
    double norm = 1 / (h * Math.sqrt(2 * Math.PI));
    for (double u : us) {
      // Kernels are cut at 6 bandwidths, where they are below 1e-8 of their peak.
      int from = Math.max(0, (int) Math.floor((u - 6 * h) * cells));
      int to = Math.min(cells - 1, (int) Math.ceil((u + 6 * h) * cells));
      for (int c = from; c <= to; c++) {
        double z = ((c + 0.5) / cells - u) / h;
        q[c] += norm * Math.exp(-0.5 * z * z);
      }
    }
    double total = 0;
    for (double v : q) {
      total += v;
    }
    for (int c = 0; c < cells; c++) {
      q[c] /= total; // truncates the kernels to [0, 1]
    }
    return q;
  }
}
