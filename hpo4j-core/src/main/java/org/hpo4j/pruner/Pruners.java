package org.hpo4j.pruner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds pruners from study files, e.g. {@code pruner: {type: asha, min_resource: 1,
 * reduction_factor: 3}}. Types and their options (defaults in brackets):
 * <ul>
 *   <li>{@code none}
 *   <li>{@code median}: startup_trials [5], warmup_steps [0], interval_steps [1], min_trials [1]
 *   <li>{@code percentile}: percentile (required), and the options of median
 *   <li>{@code pareto} (alias {@code multi_objective}): percentile [50], and the options of median
 *   <li>{@code asha} (alias {@code successive_halving}): min_resource [1], reduction_factor [3],
 *       min_early_stopping_rate [0]
 *   <li>{@code hyperband}: min_resource [1], max_resource (required), reduction_factor [3], seed [0]
 *   <li>{@code wilcoxon}: p_threshold [0.1], startup_steps [2]
 *   <li>{@code threshold}: lower [-inf], upper [+inf], warmup_steps [0], interval_steps [1]
 *   <li>{@code patient}: patience (required), min_delta [0], wrapped (a nested pruner map with its
 *       own type; absent: prune on stagnation alone)
 * </ul>
 * Stateless and thread-safe.
 */
public final class Pruners {
  private static final List<String> TYPES = List.of("none", "median", "percentile", "pareto", "multi_objective",
      "asha", "successive_halving", "hyperband", "wilcoxon", "threshold", "patient");
  private static final List<String> SCHEDULE = List.of("startup_trials", "warmup_steps", "interval_steps", "min_trials");

  private Pruners() {}

  /**
   * @param spec a map with the key {@code type} and the type's options, as read from a study file
   * @throws IllegalArgumentException naming the bad key or value and the allowed ones
   */
  public static Pruner create(Map<String, Object> spec) {
    org.hpo4j.Checks.requireNonNull(spec, "pruner");
    Object type = spec.get("type");
    if (type == null) {
      throw new IllegalArgumentException("pruner needs a 'type', one of " + String.join(", ", TYPES));
    }
    Map<String, Object> options = new LinkedHashMap<>(spec);
    options.remove("type");
    return create(String.valueOf(type), options);
  }

  /**
   * @param type one of the types listed above (case-insensitive; '-' and '_' alike)
   * @param options the type's options by snake_case key; null or empty for the defaults
   * @throws IllegalArgumentException naming the bad key or value and the allowed ones
   */
  public static Pruner create(String type, Map<String, Object> options) {
    String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (t) {
      case "none" -> {
        new Options(t, options, List.of());
        return Pruner.none();
      }
      case "median" -> {
        return percentileBuilder(new Options(t, options, SCHEDULE), 50.0).build();
      }
      case "percentile" -> {
        Options o = new Options(t, options, with("percentile"));
        return percentileBuilder(o, o.requiredReal("percentile")).build();
      }
      case "pareto", "multi_objective" -> {
        Options o = new Options(t, options, with("percentile"));
        return percentileBuilder(o, o.real("percentile", 50.0)).buildMultiObjective();
      }
      case "asha", "successive_halving" -> {
        Options o = new Options(t, options, List.of("min_resource", "reduction_factor", "min_early_stopping_rate"));
        return Pruner.successiveHalving(o.integer("min_resource", 1), o.smallInt("reduction_factor", 3),
            o.smallInt("min_early_stopping_rate", 0));
      }
      case "hyperband" -> {
        Options o = new Options(t, options, List.of("min_resource", "max_resource", "reduction_factor", "seed"));
        return Pruner.hyperband(o.integer("min_resource", 1), o.requiredInteger("max_resource"),
            o.smallInt("reduction_factor", 3), o.integer("seed", 0));
      }
      case "wilcoxon" -> {
        Options o = new Options(t, options, List.of("p_threshold", "startup_steps"));
        return Pruner.wilcoxon(o.real("p_threshold", 0.1), o.smallInt("startup_steps", 2));
      }
      case "threshold" -> {
        Options o = new Options(t, options, List.of("lower", "upper", "warmup_steps", "interval_steps"));
        return Pruner.threshold(o.real("lower", Double.NEGATIVE_INFINITY), o.real("upper", Double.POSITIVE_INFINITY),
            o.smallInt("warmup_steps", 0), o.smallInt("interval_steps", 1));
      }
      case "patient" -> {
        Options o = new Options(t, options, List.of("patience", "min_delta", "wrapped"));
        o.requiredInteger("patience");
        int patience = o.smallInt("patience", 0);
        double minDelta = o.real("min_delta", 0.0);
        Object wrapped = o.raw("wrapped");
        if (wrapped == null) {
          return Pruner.patient(patience, minDelta);
        }
        if (!(wrapped instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("pruner 'patient': option 'wrapped' must be a pruner map with a 'type',"
              + " but got '" + wrapped + "'");
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        m.forEach((k, v) -> nested.put(String.valueOf(k), v));
        return Pruner.patient(create(nested), patience, minDelta);
      }
      default -> throw new IllegalArgumentException(
          "pruner type must be one of " + String.join(", ", TYPES) + ", but got '" + type + "'");
    }
  }

  private static List<String> with(String extra) {
    List<String> keys = new java.util.ArrayList<>(SCHEDULE);
    keys.add(0, extra);
    return keys;
  }

  private static PercentileBuilder percentileBuilder(Options o, double percentile) {
    return Pruner.percentileBuilder(percentile)
        .startupTrials(o.smallInt("startup_trials", 5))
        .warmupSteps(o.smallInt("warmup_steps", 0))
        .intervalSteps(o.smallInt("interval_steps", 1))
        .minTrials(o.smallInt("min_trials", 1));
  }
}
