package org.hpo4j.sampler;

import java.util.Map;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * A strategy that proposes parameters from the history of a study. Two entry points, as in the best
 * frameworks: at the start of a trial the study asks for a <em>relative</em> (joint) proposal over
 * the space {@link #inferRelativeSearchSpace} returns — GP, multivariate TPE and CMA-ES live there
 * — and every parameter outside that space is asked one at a time through {@link
 * #sampleIndependent} — random, univariate TPE, and the RL agent that walks a trial's parameters in
 * order.
 *
 * <p>All values are internal doubles (see {@link Distribution}). A sampler keeps no state the
 * storage cannot rebuild, except caches. Implementations must be thread-safe: with several threads
 * the study calls them concurrently for different trials.
 *
 * <p>Every sampler is made the same way: {@code XSampler.builder().seed(1).option(..).build()}, a
 * fresh seed when {@code seed} is not called; {@link Samplers#create} reads the same options, in
 * snake_case, from study files.
 */
public interface Sampler {

  /**
   * @return the parameters to sample jointly for {@code trial}; empty for purely independent
   *     samplers
   */
  default Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return Map.of();
  }

  /**
   * @return internal values for (a subset of) {@code space}; a parameter left out falls back to
   *     {@link #sampleIndependent} when the objective asks for it
   */
  default Map<String, Double> sampleRelative(
      StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return Map.of();
  }

  /**
   * @return a legal internal value of {@code distribution} for parameter {@code name}
   */
  double sampleIndependent(
      StudyView study, FrozenTrial trial, String name, Distribution distribution);

  /** Called when a trial starts, before any sampling. */
  default void beforeTrial(StudyView study, FrozenTrial trial) {}

  /** Called when a trial finishes, before its state is written. */
  default void afterTrial(
      StudyView study, FrozenTrial trial, TrialState state, java.util.List<Double> values) {}

  /**
   * @return true when this sampler has nothing left to propose (an exhausted grid); the study then
   *     stops starting trials
   */
  default boolean isExhausted(StudyView study) {
    return false;
  }
}
