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
   * @throws IllegalArgumentException for an unknown name, listing the known ones
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

  /**
   * Rejects option keys a sampler does not know, so a typo in a study file is an error, not a
   * silently ignored setting.
   *
   * @throws IllegalArgumentException naming the unknown key and the allowed ones
   */
  public static void requireKnownOptions(String sampler, Map<String, Object> options, java.util.Set<String> allowed) {
    for (String k : options.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException("unknown option '" + k + "' for sampler '" + sampler
            + "'; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
      }
    }
  }
}
