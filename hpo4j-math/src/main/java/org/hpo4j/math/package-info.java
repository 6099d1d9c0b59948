/**
 * Generic numerics for hpo4j, with no knowledge of trials or samplers.
 *
 * <ul>
 *   <li>{@link org.hpo4j.math.Erf}: erf, erfc, erfcx.
 *   <li>{@link org.hpo4j.math.Normal}: standard normal pdf, cdf ({@code ndtr}), {@code logNdtr},
 *       quantile ({@code ndtri}, {@code ndtriExp}) and {@code logH} for log expected improvement.
 *   <li>{@link org.hpo4j.math.LogMath}: {@code log1mexp}, {@code logAddExp}, {@code logSubExp},
 *       {@code logSumExp}.
 *   <li>{@link org.hpo4j.math.TruncatedNormal}: log density, cdf, quantile and sampling, accurate
 *       in far tails; allocation-free mixture evaluation for Parzen estimators.
 *   <li>{@link org.hpo4j.math.Sobol}: plain and scrambled Sobol sequences up to 1024 dimensions.
 *   <li>{@link org.hpo4j.math.BoundedMinimizer}: projected L-BFGS over a box.
 *   <li>{@link org.hpo4j.math.Cholesky}: Cholesky factor over EJML with jitter, solves and
 *       log-determinant.
 * </ul>
 *
 * <p>Reference values in the tests come from {@code src/test/resources/org/hpo4j/math/golden.py}
 * (mpmath); generated tables from {@code scripts/}.
 */
package org.hpo4j.math;
