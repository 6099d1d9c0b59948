/**
 * Gaussian-process Bayesian optimization, in the layers BoTorch uses: a model ({@link
 * org.hpo4j.gp.Kernel}, {@link org.hpo4j.gp.HyperparameterFit}, {@link org.hpo4j.gp.GpModel}) gives
 * a posterior ({@link org.hpo4j.gp.Posterior}) that acquisitions ({@link org.hpo4j.gp.Acquisition}:
 * log EI, EI, PI, UCB; {@link org.hpo4j.gp.ThompsonSampling}) score, an optimizer ({@link
 * org.hpo4j.gp.AcquisitionOptimizer}) maximises them, and {@link org.hpo4j.gp.GpSampler} wires the
 * layers to a study. Generic numerics (Cholesky, normal tails, Sobol, the bounded quasi-Newton
 * minimiser) come straight from hpo4j-math, with no copies or forwarders here. Only {@code
 * GpSampler}, its builder, {@link org.hpo4j.gp.GpSlice} and the provider are public.
 */
package org.hpo4j.gp;
