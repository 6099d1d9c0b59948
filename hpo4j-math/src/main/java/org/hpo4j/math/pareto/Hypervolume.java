package org.hpo4j.math.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume: the Lebesgue measure of the region dominated by a set of loss vectors and
 * bounded by a reference point (every objective minimised). The quality indicator the multi-
 * objective benchmark reports, and the tie-breaker of multi-objective TPE.
 *
 * <p>Notation: points are m-vectors; {@code ref} is the m-vector reference point. A point counts
 * only when it is strictly below {@code ref} in every objective.
 *
 * <p>Algorithms: m = 2 sorts by the first objective and sweeps, O(n log n). m &gt;= 3 slices along
 * the last objective (While et al., "A faster algorithm for calculating hypervolume", IEEE TEC
 * 2006, the HSO idea): sorted by the last objective, the volume is the sum over consecutive slices
 * of the slice thickness times the (m-1)-dimensional hypervolume of the points already passed, kept
 * non-dominated as they are added. m = 3 is the base case, swept in O(n log n) with an
 * incrementally updated staircase; m = 4 costs O(n^2 log n).
 *
 * <p>Stateless and thread-safe.
 */
public final class Hypervolume {
  private Hypervolume() {}

  /**
   * @param points loss vectors, each of {@code ref.length} entries; not modified
   * @param ref the reference point, finite
   * @return the hypervolume, 0 when no point is strictly below {@code ref}
   * @throws IllegalArgumentException when a length differs, a value is NaN or -Infinity, or {@code
   *     ref} is not finite
   */
  public static double of(List<double[]> points, double[] ref) {
    return volume(inside(points, ref), ref, ref.length);
  }

  /**
   * The hypervolume after each point of a sequence, as the benchmark's {@code hypervolume_trace}
   * needs: entry i is the hypervolume of points 0..i. Only a point that enters the front triggers a
   * recomputation, over the front alone.
   *
   * @param points loss vectors in the order they were evaluated
   * @throws IllegalArgumentException as {@link #of}
   */
  public static double[] trace(List<double[]> points, double[] ref) {
    inside(points, ref); // validates
    int m = ref.length;
    double[] out = new double[points.size()];
    List<double[]> front = new ArrayList<>();
    double hv = 0;
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      boolean below = true;
      for (int k = 0; k < m; k++) {
        below &= p[k] < ref[k];
      }
      if (below && addNonDominated(front, p, m)) {
        hv = volume(front, ref, m);
      }
      out[i] = hv;
    }
    return out;
  }

  /**
   * The exclusive contribution of each point: how much the hypervolume shrinks when that point
   * alone is removed (0 for dominated points, duplicates and points outside the reference box).
   * O(n) hypervolume computations; meant for tie-breaking within one front.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static double[] contributions(List<double[]> points, double[] ref) {
    inside(points, ref); // validates
    double total = of(points, ref);
    double[] out = new double[points.size()];
    List<double[]> rest = new ArrayList<>(points);
    for (int i = 0; i < points.size(); i++) {
      double[] p = rest.remove(i);
      out[i] = Math.max(0, total - volume(inside(rest, ref), ref, ref.length));
      rest.add(i, p);
    }
    return out;
  }

  /** Validates and returns the points strictly below {@code ref} in every objective. */
  private static List<double[]> inside(List<double[]> points, double[] ref) {
    if (ref == null || ref.length < 1) {
      throw new IllegalArgumentException("the reference point needs at least one objective");
    }
    for (double r : ref) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException(
            "the reference point must be finite, but got " + Arrays.toString(ref));
      }
    }
    List<double[]> inside = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      if (p.length != ref.length) {
        throw new IllegalArgumentException(
            "point "
                + i
                + " has "
                + p.length
                + " objectives but the reference point has "
                + ref.length);
      }
      boolean below = true;
      for (double v : p) {
        if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
          throw new IllegalArgumentException(
              "point " + i + " must have no NaN or -Infinity, but got " + Arrays.toString(p));
        }
      }
      for (int k = 0; k < ref.length; k++) {
        below &= p[k] < ref[k];
      }
      if (below) {
        inside.add(p);
      }
    }
    return inside;
  }

  /**
   * @return the hypervolume of the first {@code m} coordinates of {@code points}, all below ref
   */
  private static double volume(List<double[]> points, double[] ref, int m) {
    if (points.isEmpty()) {
      return 0;
    }
    if (m == 1) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return ref[0] - best;
    }
    if (m == 2) {
      return volume2(points, ref);
    }
    if (m == 3) {
      return volume3(points, ref);
    }
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[m - 1]));
    List<double[]> passed = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < sorted.size(); i++) {
      addNonDominated(passed, sorted.get(i), m - 1);
      double next = i + 1 < sorted.size() ? sorted.get(i + 1)[m - 1] : ref[m - 1];
      double thickness = next - sorted.get(i)[m - 1];
      if (thickness > 0) {
        total += thickness * volume(passed, ref, m - 1);
      }
    }
    return total;
  }

  private static double volume2(List<double[]> points, double[] ref) {
    double[][] p = points.toArray(new double[0][]);
    Arrays.sort(
        p,
        (a, b) -> {
          int c = Double.compare(a[0], b[0]);
          return c != 0 ? c : Double.compare(a[1], b[1]);
        });
    double total = 0;
    double ceiling = ref[1];
    for (double[] q : p) {
      if (q[1] < ceiling) {
        total += (ref[0] - q[0]) * (ceiling - q[1]);
        ceiling = q[1];
      }
    }
    return total;
  }

  /**
   * Three objectives in O(n log n) (the sweep of Beume, Fonseca, Lopez-Ibanez, Paquete and
   * Vahrenhold, IEEE TEC 13(5), 2009): points by increasing third objective; the (x, y) staircase
   * of the points passed lives in a sorted map (x increasing, y decreasing), and its area is
   * updated by each point's exclusive area, removing the points it dominates.
   */
  private static double volume3(List<double[]> points, double[] ref) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[2]));
    java.util.TreeMap<Double, Double> stairs = new java.util.TreeMap<>();
    double area = 0;
    double total = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double[] p = sorted.get(i);
      double px = p[0];
      double py = p[1];
      java.util.Map.Entry<Double, Double> left = stairs.floorEntry(px);
      double h = left == null ? ref[1] : left.getValue();
      if (h > py) { // not weakly dominated: add its exclusive area, drop the points it dominates
        if (left != null && left.getKey() == px) {
          stairs.remove(px);
        }
        double x = px;
        java.util.Map.Entry<Double, Double> next = stairs.higherEntry(px);
        while (next != null && next.getValue() >= py) {
          area += (h - py) * (next.getKey() - x);
          x = next.getKey();
          h = next.getValue();
          stairs.remove(x);
          next = stairs.higherEntry(x);
        }
        area += (h - py) * ((next == null ? ref[0] : next.getKey()) - x);
        stairs.put(px, py);
      }
      double z = i + 1 < sorted.size() ? sorted.get(i + 1)[2] : ref[2];
      total += area * (z - p[2]);
    }
    return total;
  }

  /**
   * Adds {@code p} (first m coordinates) to a non-dominated set unless a member weakly dominates
   * it.
   *
   * @return whether it was added
   */
  private static boolean addNonDominated(List<double[]> set, double[] p, int m) {
    for (double[] q : set) {
      if (weaklyDominates(q, p, m)) {
        return false;
      }
    }
    set.removeIf(q -> weaklyDominates(p, q, m));
    set.add(p);
    return true;
  }

  private static boolean weaklyDominates(double[] a, double[] b, int m) {
    for (int k = 0; k < m; k++) {
      if (a[k] > b[k]) {
        return false;
      }
    }
    return true;
  }
}
