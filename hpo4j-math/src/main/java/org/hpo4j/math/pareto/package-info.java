/**
 * Pareto dominance maths on loss vectors (every objective minimised): non-dominated sorting,
 * crowding distance and exact hypervolume. They sit in hpo4j-math, below core, because both the
 * study (its Pareto front) and the multi-objective samplers need them: kept in a sampler package
 * they made the study and the samplers import each other.
 */
package org.hpo4j.math.pareto;
