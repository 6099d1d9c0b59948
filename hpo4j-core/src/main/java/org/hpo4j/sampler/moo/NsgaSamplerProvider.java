package org.hpo4j.sampler.moo;

import java.util.Map;
import java.util.Set;
import org.hpo4j.options.OptionReader;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.SamplerProvider;

/**
 * Registers {@code nsga2} and {@code nsga3} (NSGA-II with reference-point niching). Options: {@code
 * population} (int), {@code crossover} (uniform, sbx, blx), {@code crossover_prob}, {@code
 * mutation_prob}; nsga3 also {@code divisions} (default 12).
 */
public final class NsgaSamplerProvider implements SamplerProvider {

  @Override
  public Set<String> names() {
    return Set.of("nsga2", "nsga3");
  }

  @Override
  public Sampler create(String name, long seed, Map<String, Object> options) {
    OptionReader o = OptionReader.of("sampler '" + name + "'", options);
    NsgaIISampler.Builder b = NsgaIISampler.builder().seed(seed);
    if (name.equals("nsga3")) {
      b.referencePoints(o.smallInt("divisions", 12));
    }
    o.ifInt("population", b::populationSize)
        .ifString("crossover", c -> b.crossover(Crossover.parse(c)))
        .ifNumber("crossover_prob", b::crossoverProbability)
        .ifNumber("mutation_prob", b::mutationProbability)
        .requireAllKnown();
    return b.build();
  }
}
