/**
 * Trials as the objective sees them ({@link org.hpo4j.trial.Trial}: define-by-run suggestions,
 * reports, prune checks) and as history ({@link org.hpo4j.trial.FrozenTrial}: an immutable record
 * whose {@code params()} are user values and {@code internalParams()} the doubles samplers compute
 * with). {@link org.hpo4j.trial.FixedTrial} replays a known configuration through an objective.
 */
package org.hpo4j.trial;
