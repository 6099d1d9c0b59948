/**
 * Several objectives: Pareto machinery ({@link org.hpo4j.sampler.moo.NonDominatedSort},
 * {@link org.hpo4j.sampler.moo.CrowdingDistance}, exact {@link org.hpo4j.sampler.moo.Hypervolume})
 * and the genetic samplers built on it ({@link org.hpo4j.sampler.moo.NsgaIISampler}, registered as
 * {@code nsga2} and, with reference-point niching, {@code nsga3}). Every objective is handled as a
 * loss; constraint violations ({@code Trial.setConstraints}) rank infeasible points after feasible
 * ones.
 */
package org.hpo4j.sampler.moo;
