package org.hpo4j.sampler.moo;

import java.util.Map;
import java.util.Set;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;
import org.hpo4j.sampler.Samplers;

/**
 * Registers {@code nsga2} and {@code nsga3} (NSGA-II with reference-point niching). Options:
 * {@code population} (int), {@code crossover} (uniform, sbx, blx), {@code crossover_prob},
 * {@code mutation_prob}; nsga3 also {@code divisions} (default 12).
 */
public final class NsgaSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("nsga2", "nsga3");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    boolean three = name.equals("nsga3");
    Samplers.requireKnownOptions(name, options, three
        ? Set.of("population", "crossover", "crossover_prob", "mutation_prob", "divisions")
        : Set.of("population", "crossover", "crossover_prob", "mutation_prob"));
    NsgaIISampler.Builder b = NsgaIISampler.builder().seed(seed);
    if (three) {
      b.referencePoints(integer(name, options, "divisions", 12));
    }
    if (options.containsKey("population")) {
      b.populationSize(integer(name, options, "population", 0));
    }
    if (options.containsKey("crossover")) {
      b.crossover(Crossover.parse(String.valueOf(options.get("crossover"))));
    }
    if (options.containsKey("crossover_prob")) {
      b.crossoverProbability(number(name, options, "crossover_prob"));
    }
    if (options.containsKey("mutation_prob")) {
      b.mutationProbability(number(name, options, "mutation_prob"));
    }
    return b.build();
  }

  private static int integer(String sampler, Map<String, Object> options, String key, int fallback) {
    Object v = options.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be an integer, but got " + v);
    }
    return n.intValue();
  }

  private static double number(String sampler, Map<String, Object> options, String key) {
    Object v = options.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' must be a number, but got " + v);
    }
    return n.doubleValue();
  }
}
