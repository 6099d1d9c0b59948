/**
 * Several objectives: Pareto machinery ({@link org.hpo4j.math.pareto.NonDominatedSort}, {@link
 * org.hpo4j.math.pareto.CrowdingDistance}, exact {@link org.hpo4j.math.pareto.Hypervolume}) and the
 * genetic samplers built on it ({@link org.hpo4j.sampler.moo.NsgaIISampler}, registered as {@code
 * nsga2} and, with reference-point niching, {@code nsga3}), and multi-objective TPE ({@link
 * org.hpo4j.sampler.moo.MotpeSampler}, {@code motpe} and {@code motpe_mv}: the split of {@link
 * org.hpo4j.sampler.moo.BestSubset}, good trials weighted by hypervolume contribution, and the
 * project's Parzen estimators through {@link org.hpo4j.sampler.tpe.ParzenProposal}). Every
 * objective is handled as a loss; constraint violations ({@code Trial.setConstraints}) rank
 * infeasible points after feasible ones.
 */
package org.hpo4j.sampler.moo;
