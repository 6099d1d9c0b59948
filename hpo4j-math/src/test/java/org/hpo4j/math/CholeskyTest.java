package org.hpo4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class CholeskyTest {
  /** K = A A^T + n I for a random A: well-conditioned SPD. */
  private static DMatrixRMaj randomSpd(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    for (int i = 0; i < a.data.length; i++) {
      a.data[i] = rng.nextDouble(-1, 1);
    }
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(a, a, k);
    for (int i = 0; i < n; i++) {
      k.add(i, i, n);
    }
    return k;
  }

  @Test
  void of_spdMatrix_factorReproducesKAndLeavesKUnchanged() {
    DMatrixRMaj k = randomSpd(12, 1);
    DMatrixRMaj before = k.copy();
    Cholesky c = Cholesky.of(k).orElseThrow();
    DMatrixRMaj l = c.lower();
    DMatrixRMaj llt = new DMatrixRMaj(12, 12);
    CommonOps_DDRM.multTransB(l, l, llt);
    for (int i = 0; i < k.data.length; i++) {
      assertEquals(k.data[i], llt.data[i], 1e-12 * 12);
      assertEquals(before.data[i], k.data[i], 0.0);
    }
    assertEquals(0.0, c.get(0, 5), 0.0);
  }

  @Test
  void solves_matchDirectMultiplication() {
    int n = 10;
    DMatrixRMaj k = randomSpd(n, 2);
    Cholesky c = Cholesky.of(k).orElseThrow();
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = Math.sin(i + 1.0);
    }
    double[] x = c.solve(b);
    DMatrixRMaj kx = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.mult(k, DMatrixRMaj.wrap(n, 1, x), kx);
    for (int i = 0; i < n; i++) {
      assertEquals(b[i], kx.data[i], 1e-12);
    }
    DMatrixRMaj l = c.lower();
    double[] y = c.solveLower(b);
    DMatrixRMaj ly = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.mult(l, DMatrixRMaj.wrap(n, 1, y), ly);
    double[] z = c.solveLowerTranspose(b);
    DMatrixRMaj ltz = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.multTransA(l, DMatrixRMaj.wrap(n, 1, z), ltz);
    for (int i = 0; i < n; i++) {
      assertEquals(b[i], ly.data[i], 1e-12);
      assertEquals(b[i], ltz.data[i], 1e-12);
    }
    DMatrixRMaj bb = new DMatrixRMaj(n, 2);
    for (int i = 0; i < n; i++) {
      bb.set(i, 0, b[i]);
      bb.set(i, 1, 2 * b[i]);
    }
    DMatrixRMaj xx = c.solve(bb);
    for (int i = 0; i < n; i++) {
      assertEquals(x[i], xx.get(i, 0), 1e-14);
      assertEquals(2 * x[i], xx.get(i, 1), 1e-14);
    }
  }

  @Test
  void logDeterminant_matchesEjmlDeterminant() {
    DMatrixRMaj k = randomSpd(8, 3);
    assertEquals(
        Math.log(CommonOps_DDRM.det(k)), Cholesky.of(k).orElseThrow().logDeterminant(), 1e-11);
  }

  @Test
  void of_indefiniteOrNonFinite_isEmpty() {
    DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
    assertTrue(Cholesky.of(indefinite).isEmpty());
    DMatrixRMaj withNaN = new DMatrixRMaj(new double[][] {{1, 0}, {Double.NaN, 1}});
    assertTrue(Cholesky.of(withNaN).isEmpty());
  }

  @Test
  void ofWithJitter_singularMatrix_addsAndReportsJitter() {
    // rank one: v v^T with v = (1, 2, 3)
    double[] v = {1, 2, 3};
    DMatrixRMaj k = new DMatrixRMaj(3, 3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        k.set(i, j, v[i] * v[j]);
      }
    }
    Optional<Cholesky.Jittered> result = Cholesky.ofWithJitter(k, 1e-8, 6);
    assertTrue(result.isPresent());
    double jitter = result.get().jitter();
    assertTrue(jitter >= 1e-8, "jitter=" + jitter);
    Cholesky c = result.get().cholesky();
    DMatrixRMaj l = c.lower();
    DMatrixRMaj llt = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.multTransB(l, l, llt);
    for (int i = 0; i < 3; i++) {
      assertEquals(k.get(i, i) + jitter, llt.get(i, i), 1e-12);
    }
    assertTrue(Double.isFinite(c.logDeterminant()));
  }

  @Test
  void ofWithJitter_positiveDefinite_addsNoJitter() {
    assertEquals(0.0, Cholesky.ofWithJitter(randomSpd(4, 4), 1e-6, 3).orElseThrow().jitter(), 0.0);
  }

  @Test
  void ofWithJitter_noTriesLeft_isEmpty() {
    DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
    assertFalse(Cholesky.ofWithJitter(indefinite, 1e-10, 0).isPresent());
    assertFalse(Cholesky.ofWithJitter(indefinite, 1e-10, 3).isPresent());
  }

  @Test
  void invalidArguments_throw() {
    assertThrows(IllegalArgumentException.class, () -> Cholesky.of(new DMatrixRMaj(2, 3)));
    assertThrows(
        IllegalArgumentException.class, () -> Cholesky.ofWithJitter(randomSpd(2, 1), 0.0, 3));
    Cholesky c = Cholesky.of(randomSpd(3, 5)).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> c.solve(new double[2]));
  }

  @Test
  void inverse_timesK_isTheIdentity() {
    int n = 9;
    DMatrixRMaj k = randomSpd(n, 7);
    DMatrixRMaj inv = Cholesky.of(k).orElseThrow().inverse();
    DMatrixRMaj product = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(k, inv, product);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(i == j ? 1.0 : 0.0, product.get(i, j), 1e-12, "(" + i + ", " + j + ")");
        assertEquals(inv.get(i, j), inv.get(j, i), 0.0, "symmetric at (" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void extend_borderedMatrix_equalsTheFactorOfTheWholeMatrix() {
    int n = 7;
    int m = 3;
    DMatrixRMaj whole = randomSpd(n + m, 8);
    DMatrixRMaj k = CommonOps_DDRM.extract(whole, 0, n, 0, n);
    DMatrixRMaj cross = CommonOps_DDRM.extract(whole, 0, n, n, n + m);
    DMatrixRMaj corner = CommonOps_DDRM.extract(whole, n, n + m, n, n + m);
    Cholesky extended = Cholesky.of(k).orElseThrow().extend(cross, corner).orElseThrow();
    Cholesky direct = Cholesky.of(whole).orElseThrow();
    assertEquals(n + m, extended.size());
    for (int i = 0; i < n + m; i++) {
      for (int j = 0; j < n + m; j++) {
        assertEquals(direct.get(i, j), extended.get(i, j), 1e-12, "L(" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void extend_cornerThatBreaksDefiniteness_isEmpty() {
    DMatrixRMaj k = DMatrixRMaj.wrap(1, 1, new double[] {1.0});
    DMatrixRMaj cross = DMatrixRMaj.wrap(1, 1, new double[] {1.0});
    // [[1, 1], [1, 0.5]] has determinant -0.5.
    DMatrixRMaj corner = DMatrixRMaj.wrap(1, 1, new double[] {0.5});
    assertTrue(Cholesky.of(k).orElseThrow().extend(cross, corner).isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> Cholesky.of(k).orElseThrow().extend(new DMatrixRMaj(2, 1), corner));
  }

  @Test
  void ofWithRelativeJitter_scalesTheFirstJitterByTheMeanDiagonal() {
    // Rank one, scale 100: the plain factorisation fails, 1e-6 * mean diagonal (100) = 1e-4
    // succeeds.
    DMatrixRMaj k = DMatrixRMaj.wrap(2, 2, new double[] {100, 100, 100, 100});
    Cholesky.Jittered j = Cholesky.ofWithRelativeJitter(k, 1e-6, 3).orElseThrow();
    assertEquals(1e-4, j.jitter(), 1e-18);
    // A diagonal that is not positive falls back to an absolute first jitter.
    DMatrixRMaj zero = new DMatrixRMaj(2, 2);
    assertEquals(1e-6, Cholesky.ofWithRelativeJitter(zero, 1e-6, 3).orElseThrow().jitter(), 1e-20);
  }
}
