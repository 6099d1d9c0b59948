/**
 * CMA-ES for continuous and integer parameters ({@link org.hpo4j.sampler.cmaes.CmaEsSampler},
 * registered as {@code cmaes}): the tutorial algorithm of Hansen in the unit cube of the
 * distributions, with the integer margin, a separable variant, IPOP restarts and a warm start. The
 * state is replayed from the stored trials, never stored itself.
 */
package org.hpo4j.sampler.cmaes;
