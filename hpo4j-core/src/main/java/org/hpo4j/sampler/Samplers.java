package org.hpo4j.sampler;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/** Finds samplers by name among the {@link SamplerProvider}s on the class path. */
public final class Samplers {
  private Samplers() {}

  /** @return every sampler name available, sorted */
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
    throw new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: " + String.join(", ", known()));
  }

  private static List<SamplerProvider> providers() {
    return ServiceLoader.load(SamplerProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
