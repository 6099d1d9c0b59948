package org.hpo4j.rl;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers {@code rl} (MBRL-SDP) and {@code rl_sdp} (the same agent without the reward model) with
 * the sampler registry. Options, the builder's settings in snake_case: use_model, feed_sample,
 * reward_mode (raw|quantile), learning_rate, entropy_coef, initial_sigma, delta,
 * first_model_phase_after, model_phase_every, max_imagined_episodes, reward_model (gp|mlp),
 * step_heads, optimism, one_step, fixed_horizon, probit_actions. The camelCase keys of earlier
 * study files are refused with a message naming the new key. Stateless and thread-safe.
 */
public final class RlSamplerProvider implements SamplerProvider {
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("useModel", "use_model"),
          Map.entry("feedSample", "feed_sample"),
          Map.entry("rewardMode", "reward_mode"),
          Map.entry("learningRate", "learning_rate"),
          Map.entry("entropyCoef", "entropy_coef"),
          Map.entry("initialSigma", "initial_sigma"),
          Map.entry("firstModelPhaseAfter", "first_model_phase_after"),
          Map.entry("modelPhaseEvery", "model_phase_every"),
          Map.entry("maxImaginedEpisodes", "max_imagined_episodes"),
          Map.entry("rewardModel", "reward_model"),
          Map.entry("stepHeads", "step_heads"));

  @Override
  public Set<String> names() {
    return Set.of("rl", "rl_sdp");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException(
          "unknown sampler '" + name + "'; this provider knows rl, rl_sdp");
    }
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    RENAMED.forEach(o::renamed);
    RlSampler.Builder b = RlSampler.builder().seed(seed).useModel(name.equals("rl"));
    o.ifBool("use_model", b::useModel)
        .ifBool("feed_sample", b::feedSample)
        .ifEnum("reward_mode", RewardMode.class, b::rewardMode)
        .ifNumber("learning_rate", b::learningRate)
        .ifNumber("entropy_coef", b::entropyCoef)
        .ifNumber("initial_sigma", b::initialSigma)
        .ifNumber("delta", b::delta)
        .ifInt("first_model_phase_after", b::firstModelPhaseAfter)
        .ifInt("model_phase_every", b::modelPhaseEvery)
        .ifInt("max_imagined_episodes", b::maxImaginedEpisodes)
        .ifEnum("reward_model", RewardModelKind.class, b::rewardModel)
        .ifBool("step_heads", b::stepHeads)
        .ifNumber("optimism", b::optimism)
        .ifBool("one_step", b::oneStep)
        .ifInt("fixed_horizon", b::fixedHorizon)
        .ifBool("probit_actions", b::probitActions)
        .requireAllKnown();
    return b.build();
  }
}
