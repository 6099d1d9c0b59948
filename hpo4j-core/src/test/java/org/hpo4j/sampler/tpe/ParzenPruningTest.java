package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.hpo4j.space.CategoricalDistribution;
import org.hpo4j.space.Distribution;
import org.hpo4j.space.FloatDistribution;
import org.hpo4j.space.IntDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pruned {@link ParzenEstimator#logPdf} skips kernels by a bound; it must give exactly the
 * dense sum over every kernel, bit for bit, on every kind of axis and at sizes where most kernels
 * are pruned.
 */
class ParzenPruningTest {
  private static final Distribution[] KINDS = {
    new FloatDistribution(-5, 5),
    new FloatDistribution(1e-4, 1, true, null),
    new IntDistribution(0, 20, false, 1),
    new FloatDistribution(0, 1, false, 0.05),
    new CategoricalDistribution(List.of("a", "b", "c")),
    new IntDistribution(1, 1000, true, 1),
    new FloatDistribution(-1, 1),
    new FloatDistribution(0, 10)
  };

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void logPdf_pruned_equalsDenseBitForBit(int dims) {
    SplittableRandom rng = new SplittableRandom(dims);
    for (int n : new int[] {0, 3, 300, 3000}) {
      Axis[] axes = new Axis[dims];
      double[][] columns = new double[dims][n];
      double[] weights = Snapshot.weights(n);
      for (int j = 0; j < dims; j++) {
        Distribution d = KINDS[(j + dims) % KINDS.length];
        axes[j] = new Axis(d);
        for (int i = 0; i < n; i++) {
          double t =
              axes[j].categorical
                  ? rng.nextInt(axes[j].choices)
                  : axes[j].low + rng.nextDouble() * axes[j].range();
          columns[j][i] = axes[j].categorical ? t : axes[j].toAxis(axes[j].toInternal(t));
        }
      }
      ParzenEstimator p = ParzenEstimator.fit(axes, columns, weights, null, 1.0, false, 0);
      double[][] points = p.sample(new SplittableRandom(n + 17L), 64);
      double[] pruned = new double[points.length];
      double[] dense = new double[points.length];
      p.logPdf(points, pruned);
      p.logPdfDense(points, dense);
      for (int c = 0; c < points.length; c++) {
        assertEquals(
            Double.doubleToRawLongBits(dense[c]),
            Double.doubleToRawLongBits(pruned[c]),
            "d="
                + dims
                + " n="
                + n
                + " point "
                + c
                + ": dense "
                + dense[c]
                + " pruned "
                + pruned[c]);
      }
    }
  }
}
