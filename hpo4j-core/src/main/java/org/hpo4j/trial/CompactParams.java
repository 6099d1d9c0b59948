package org.hpo4j.trial;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A trial's parameter values as an immutable map over a shared {@link ParamLayout}: one array of
 * doubles per trial instead of a linked hash map with a boxed value per parameter, which is most of
 * what a finished trial weighs. Iterates in suggestion order; equal to any map with the same
 * entries.
 *
 * <p>Immutable; thread-safe.
 */
final class CompactParams extends AbstractMap<String, Double> {
  final ParamLayout layout;
  private final double[] values;

  CompactParams(ParamLayout layout, Map<String, Double> params) {
    this.layout = layout;
    this.values = new double[layout.size()];
    int i = 0;
    for (Double v : params.values()) {
      values[i++] = v;
    }
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return layout.indexOf(key) >= 0;
  }

  @Override
  public Double get(Object key) {
    int i = layout.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Double> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(layout.names[i], values[i]);
    }
  }

  @Override
  public Set<String> keySet() {
    return layout.distributionMap.keySet();
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(layout.names[i], values[i]);
          }
        };
      }
    };
  }
}
