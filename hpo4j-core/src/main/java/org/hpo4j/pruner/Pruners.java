package org.hpo4j.pruner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpo4j.options.OptionReader;

/**
 * Builds pruners from study files, e.g. {@code pruner: {type: asha, min_resource: 1,
 * reduction_factor: 3}}. Types and their options (defaults in brackets):
 *
 * <ul>
 *   <li>{@code none}
 *   <li>{@code median}: startup_trials [5], warmup_steps [0], interval_steps [1], min_trials [1]
 *   <li>{@code percentile}: percentile (required), and the options of median
 *   <li>{@code pareto} (alias {@code multi_objective}): percentile [50], and the options of median
 *   <li>{@code asha} (alias {@code successive_halving}): min_resource [1], reduction_factor [3],
 *       min_early_stopping_rate [0]
 *   <li>{@code hyperband}: min_resource [1], max_resource (required), reduction_factor [3], seed
 *       [0]
 *   <li>{@code wilcoxon}: p_threshold [0.1], startup_steps [2]
 *   <li>{@code threshold}: lower [-inf], upper [+inf], warmup_steps [0], interval_steps [1]
 *   <li>{@code patient}: patience (required), min_delta [0], wrapped (a nested pruner map with its
 *       own type; absent: prune on stagnation alone)
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class Pruners {
  private static final List<String> TYPES =
      List.of(
          "none",
          "median",
          "percentile",
          "pareto",
          "multi_objective",
          "asha",
          "successive_halving",
          "hyperband",
          "wilcoxon",
          "threshold",
          "patient");

  private Pruners() {}

  /**
   * @param spec a map with the key {@code type} and the type's options, as read from a study file
   * @throws IllegalArgumentException naming the bad key or value and the allowed ones
   */
  public static Pruner create(Map<String, Object> spec) {
    org.hpo4j.Checks.requireNonNull(spec, "pruner");
    Object type = spec.get("type");
    if (type == null) {
      throw new IllegalArgumentException(
          "pruner needs a 'type', one of " + String.join(", ", TYPES));
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
    OptionReader o = OptionReader.of("pruner '" + t + "'", options);
    Pruner p =
        switch (t) {
          case "none" -> Pruner.none();
          case "median" -> schedule(o, PercentilePruner.builder()).build();
          case "percentile" ->
              schedule(o, PercentilePruner.builder())
                  .percentile(o.requiredNumber("percentile"))
                  .build();
          case "pareto", "multi_objective" -> {
            yield schedule(o, ParetoPercentilePruner.builder())
                .percentile(o.number("percentile", 50.0))
                .build();
          }
          case "asha", "successive_halving" -> {
            SuccessiveHalvingPruner.Builder b = SuccessiveHalvingPruner.builder();
            o.ifLong("min_resource", b::minResource)
                .ifInt("reduction_factor", b::reductionFactor)
                .ifInt("min_early_stopping_rate", b::minEarlyStoppingRate);
            yield b.build();
          }
          case "hyperband" -> {
            HyperbandPruner.Builder b =
                HyperbandPruner.builder().maxResource(o.requiredInteger("max_resource"));
            o.ifLong("min_resource", b::minResource)
                .ifInt("reduction_factor", b::reductionFactor)
                .ifLong("seed", b::seed);
            yield b.build();
          }
          case "wilcoxon" -> {
            WilcoxonPruner.Builder b = WilcoxonPruner.builder();
            o.ifNumber("p_threshold", b::pThreshold).ifInt("startup_steps", b::startupSteps);
            yield b.build();
          }
          case "threshold" -> {
            ThresholdPruner.Builder b = ThresholdPruner.builder();
            o.ifNumber("lower", b::lower)
                .ifNumber("upper", b::upper)
                .ifInt("warmup_steps", b::warmupSteps)
                .ifInt("interval_steps", b::intervalSteps);
            yield b.build();
          }
          case "patient" -> {
            o.requiredInteger("patience");
            PatientPruner.Builder b = PatientPruner.builder().patience(o.smallInt("patience", 0));
            o.ifNumber("min_delta", b::minDelta);
            Object wrapped = o.get("wrapped");
            if (wrapped != null) {
              if (!(wrapped instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(
                    "pruner 'patient': option 'wrapped' must be a pruner map with a 'type',"
                        + " but got '"
                        + wrapped
                        + "'");
              }
              b.wrapped(create(o.map("wrapped")));
            }
            yield b.build();
          }
          default ->
              throw new IllegalArgumentException(
                  "pruner type must be one of "
                      + String.join(", ", TYPES)
                      + ", but got '"
                      + type
                      + "'");
        };
    o.requireAllKnown();
    return p;
  }

  private static PercentileBuilder schedule(OptionReader o, PercentileBuilder b) {
    o.ifInt("startup_trials", b::startupTrials)
        .ifInt("warmup_steps", b::warmupSteps)
        .ifInt("interval_steps", b::intervalSteps)
        .ifInt("min_trials", b::minTrials);
    return b;
  }
}
