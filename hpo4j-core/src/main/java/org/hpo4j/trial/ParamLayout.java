package org.hpo4j.trial;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hpo4j.space.Distribution;

/**
 * The parameter names and distributions of a trial, in suggestion order, shared by every trial that
 * has the same ones: in a study of one search space all trials point at one layout, so a trial
 * keeps only its values ({@link CompactParams}) instead of two maps of its own. Layouts are
 * interned in a bounded table; two equal layouts may still exist (after the table is cleared),
 * which costs memory, never correctness: they compare by content.
 *
 * <p>Immutable; thread-safe.
 */
final class ParamLayout {
  /** Past this many distinct layouts (conditional spaces make many), the table starts afresh. */
  private static final int MAX_INTERNED = 4096;

  private static final Map<Key, ParamLayout> INTERNED = new ConcurrentHashMap<>();

  final String[] names;
  final Distribution[] distributions;
  private final Map<String, Integer> index;

  /**
   * The distributions by name, in order: the {@code distributions} of every trial with this layout.
   */
  final Map<String, Distribution> distributionMap;

  private record Key(List<String> names, List<Distribution> distributions) {}

  private ParamLayout(String[] names, Distribution[] distributions) {
    this.names = names;
    this.distributions = distributions;
    Map<String, Integer> idx = new HashMap<>();
    Map<String, Distribution> byName = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      idx.put(names[i], i);
      byName.put(names[i], distributions[i]);
    }
    this.index = idx;
    this.distributionMap = Collections.unmodifiableMap(byName);
  }

  /**
   * @return the layout of these parameters (in {@code params}' order), or null when the two maps do
   *     not have the same names or a value or distribution is null
   */
  static ParamLayout of(Map<String, Double> params, Map<String, Distribution> distributions) {
    if (params.size() != distributions.size()) {
      return null;
    }
    String[] names = new String[params.size()];
    Distribution[] dists = new Distribution[names.length];
    int i = 0;
    for (Map.Entry<String, Double> e : params.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (e.getKey() == null || e.getValue() == null || d == null) {
        return null;
      }
      names[i] = e.getKey();
      dists[i++] = d;
    }
    Key key = new Key(Arrays.asList(names), Arrays.asList(dists));
    ParamLayout shared = INTERNED.get(key);
    if (shared == null) {
      if (INTERNED.size() >= MAX_INTERNED) {
        INTERNED.clear();
      }
      shared = INTERNED.computeIfAbsent(key, k -> new ParamLayout(names, dists));
    }
    return shared;
  }

  /**
   * @return the position of {@code name}, or -1
   */
  int indexOf(Object name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  int size() {
    return names.length;
  }
}
