package org.hpo4j.sampler.tpe;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers {@code tpe}: the default TPE of {@link TpeSampler#builder()}, multivariate with
 * conditional groups (on the suite it beats univariate TPE by a third to a half in median regret,
 * see {@link ParzenEstimator}); {@code tpe_mv}, the same sampler under the name of
 * shared/spec/benchmarks.md for multivariate TPE; and {@code tpe_uni}, univariate TPE (each
 * parameter modelled alone), kept for comparison. Options, all optional: {@code n_startup_trials},
 * {@code n_ei_candidates}, {@code prior_weight}, {@code min_bandwidth_factor}, {@code
 * gamma_fraction} with {@code gamma_max} (and {@code gamma_sqrt: true} for gamma(n) =
 * min(ceil(fraction sqrt(n)), max)), {@code consider_endpoints}, {@code constant_liar}, and for
 * {@code tpe} and {@code tpe_mv} also {@code group} (false: one joint model over the parameters
 * every trial has, the others alone).
 */
public final class TpeSamplerProvider implements SamplerProvider {
  @Override
  public Set<String> names() {
    return Set.of("tpe", "tpe_mv", "tpe_uni");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    boolean mv =
        switch (name) {
          case "tpe_uni" -> false;
          case "tpe", "tpe_mv" -> true;
          default ->
              throw new IllegalArgumentException(
                  "unknown sampler '" + name + "'; this provider knows tpe, tpe_mv, tpe_uni");
        };
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    TpeSampler.Builder b = TpeSampler.builder().seed(seed).multivariate(mv).group(mv);
    o.ifInt("n_startup_trials", b::nStartupTrials)
        .ifInt("n_ei_candidates", b::nEiCandidates)
        .ifNumber("prior_weight", b::priorWeight)
        .ifNumber("min_bandwidth_factor", b::minBandwidthFactor)
        .ifBool("consider_endpoints", b::considerEndpoints)
        .ifBool("constant_liar", b::constantLiar);
    if (o.has("gamma_fraction") || o.has("gamma_max")) {
      double f = o.number("gamma_fraction", 0.1);
      int max = o.smallInt("gamma_max", 25);
      if (o.bool("gamma_sqrt", false)) {
        b.gammaSqrt(f, max);
      } else {
        b.gamma(f, max);
      }
    }
    o.allow("gamma_sqrt");
    if (mv) {
      o.ifBool("group", b::group);
    }
    o.requireAllKnown();
    return b.build();
  }
}
