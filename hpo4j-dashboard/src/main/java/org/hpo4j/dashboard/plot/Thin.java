package org.hpo4j.dashboard.plot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Bounded plot data for huge studies: a browser draws a few thousand points fluently, not a hundred
 * thousand, and a report must stay a file one can mail. A thinned selection keeps the best items
 * (what the user looks for) and an even stride through the rest (the shape of the cloud), in their
 * original order, so the same study always gives the same picture. Stateless.
 */
public final class Thin {
  /** Points a scatter-like plot carries at most. */
  public static final int MAX_POINTS = 4000;

  private Thin() {}

  /**
   * @param items in plot order
   * @param cap the most to keep (&gt;= 2)
   * @param loss smaller is better; the best tenth of the cap is always kept
   * @return {@code items} itself when it fits, else at most {@code cap} of them, in order
   */
  public static <T> List<T> keepBest(List<T> items, int cap, ToDoubleFunction<T> loss) {
    int n = items.size();
    if (n <= cap) {
      return items;
    }
    BitSet keep = new BitSet(n);
    int best = Math.max(1, cap / 10);
    // The best indices by loss: a bounded selection, not a full sort of a huge list.
    double[] losses = new double[n];
    for (int i = 0; i < n; i++) {
      losses[i] = loss.applyAsDouble(items.get(i));
    }
    double[] sorted = losses.clone();
    java.util.Arrays.sort(sorted);
    double threshold = sorted[best - 1];
    int taken = 0;
    for (int i = 0; i < n && taken < best; i++) {
      if (losses[i] <= threshold) {
        keep.set(i);
        taken++;
      }
    }
    int rest = cap - taken;
    for (int k = 0; k < rest; k++) {
      keep.set((int) ((long) k * (n - 1) / Math.max(1, rest - 1)));
    }
    List<T> out = new ArrayList<>(keep.cardinality());
    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
      out.add(items.get(i));
    }
    return out;
  }

  /**
   * @return at most {@code cap} items at an even stride, first and last included
   */
  public static <T> List<T> stride(List<T> items, int cap) {
    int n = items.size();
    if (n <= cap) {
      return items;
    }
    List<T> out = new ArrayList<>(cap);
    int last = -1;
    for (int k = 0; k < cap; k++) {
      int i = (int) ((long) k * (n - 1) / (cap - 1));
      if (i != last) {
        out.add(items.get(i));
        last = i;
      }
    }
    return out;
  }
}
