package org.hpo4j.rl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;
import org.hpo4j.sampler.Samplers;

/**
 * Registers {@code rl} (MBRL-SDP) and {@code rl_sdp} (the same agent without the reward model)
 * with the sampler registry. Options: useModel, feedSample, rewardMode (raw|quantile),
 * learningRate, entropyCoef, initialSigma, delta, firstModelPhaseAfter, modelPhaseEvery, maxImaginedEpisodes,
 * rewardModel (gp|mlp), stepHeads, optimism.
 * Stateless and thread-safe.
 */
public final class RlSamplerProvider implements SamplerProvider {
  private static final Set<String> OPTIONS = Set.of("useModel", "feedSample", "rewardMode", "learningRate",
      "entropyCoef", "initialSigma", "delta", "firstModelPhaseAfter", "modelPhaseEvery", "maxImaginedEpisodes", "rewardModel",
      "stepHeads", "optimism");

  @Override
  public Set<String> names() {
    return Set.of("rl", "rl_sdp");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("unknown sampler '" + name + "'; this provider knows rl, rl_sdp");
    }
    Samplers.requireKnownOptions(name, options, OPTIONS);
    RlSampler.Builder b = RlSampler.builder(seed).useModel(name.equals("rl"));
    for (Map.Entry<String, Object> e : options.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "useModel" -> b.useModel(bool(name, e.getKey(), v));
        case "feedSample" -> b.feedSample(bool(name, e.getKey(), v));
        case "rewardMode" -> b.rewardMode(mode(v));
        case "learningRate" -> b.learningRate(number(name, e.getKey(), v));
        case "entropyCoef" -> b.entropyCoef(number(name, e.getKey(), v));
        case "initialSigma" -> b.initialSigma(number(name, e.getKey(), v));
        case "delta" -> b.delta(number(name, e.getKey(), v));
        case "firstModelPhaseAfter" -> b.firstModelPhaseAfter((int) integer(name, e.getKey(), v));
        case "modelPhaseEvery" -> b.modelPhaseEvery((int) integer(name, e.getKey(), v));
        case "maxImaginedEpisodes" -> b.maxImaginedEpisodes((int) integer(name, e.getKey(), v));
        case "rewardModel" -> b.rewardModel(kind(v));
        case "stepHeads" -> b.stepHeads(bool(name, e.getKey(), v));
        case "optimism" -> b.optimism(number(name, e.getKey(), v));
        default -> throw new IllegalStateException("unreachable: " + e.getKey());
      }
    }
    return b.build();
  }

  private static boolean bool(String sampler, String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be true or false, but got " + v);
  }

  private static double number(String sampler, String key, Object v) {
    try {
      return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be a number, but got " + v);
    }
  }

  private static long integer(String sampler, String key, Object v) {
    double d = number(sampler, key, v);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be an integer, but got " + v);
    }
    return (long) d;
  }

  private static RewardModelKind kind(Object v) {
    String s = String.valueOf(v).toUpperCase(Locale.ROOT);
    try {
      return RewardModelKind.valueOf(s);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("option 'rewardModel' must be gp or mlp, but got " + v);
    }
  }

  private static RewardMode mode(Object v) {
    String s = String.valueOf(v).toUpperCase(Locale.ROOT);
    try {
      return RewardMode.valueOf(s);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("option 'rewardMode' must be raw or quantile, but got " + v);
    }
  }
}
