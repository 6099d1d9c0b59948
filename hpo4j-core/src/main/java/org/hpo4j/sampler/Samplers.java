package org.hpo4j.sampler;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hpo4j.sampler.moo.MotpeSampler;
import org.hpo4j.sampler.tpe.TpeSampler;

/** Finds samplers by name among the {@link SamplerProvider}s on the class path. */
public final class Samplers {
  private Samplers() {}

  /**
   * @return every sampler name available, sorted
   */
  public static SortedSet<String> known() {
    SortedSet<String> names = new TreeSet<>();
    for (SamplerProvider p : providers()) {
      names.addAll(p.names());
    }
    return names;
  }

  /**
   * Creates a sampler for a study file. The options are the builder's settings in snake_case (for
   * example {@code n_startup_trials} for {@code TpeSampler.Builder.nStartupTrials}).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones, or an unknown or
   *     bad option, naming it and what is allowed
   */
  public static Sampler create(String name, long seed, Map<String, Object> options) {
    for (SamplerProvider p : providers()) {
      if (p.names().contains(name)) {
        return p.create(name, seed, options == null ? Map.of() : options);
      }
    }
    throw new IllegalArgumentException(
        "unknown sampler '" + name + "'; known samplers: " + String.join(", ", known()));
  }

  /**
   * The sampler a study gets when none is given: multivariate TPE, or for several objectives its
   * multi-objective form (MOTPE, multivariate). It is chosen here, beside the samplers, so that the
   * study package names only the {@link Sampler} seam and no algorithm package.
   *
   * @param objectives the study's number of directions, &gt;= 1
   */
  public static Sampler defaultFor(int objectives, long seed) {
    if (objectives < 1) {
      throw new IllegalArgumentException("objectives >= 1 must hold, but got " + objectives);
    }
    return objectives == 1
        ? TpeSampler.builder().seed(seed).build()
        : MotpeSampler.builder().seed(seed).multivariate(true).build();
  }

  private static List<SamplerProvider> providers() {
    return ServiceLoader.load(SamplerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }
}
